package org.payengine.adapters.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tables, columns and indexes of a database's engine schema, as text that compares. */
record SchemaSnapshot(List<String> lines) {

    static SchemaSnapshot of(Database database) {
        try {
            return database.jdbi().withHandle(handle -> read(handle.getConnection()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SchemaSnapshot read(Connection connection) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            List<String> lines = new ArrayList<>();
            try (ResultSet tables = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (tables.next()) {
                    lines.add("table " + tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            try (ResultSet columns = meta.getColumns(null, schema, "%", "%")) {
                while (columns.next()) {
                    lines.add("column " + columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT) + "."
                            + columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                            + columns.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + " "
                            + columns.getString("IS_NULLABLE"));
                }
            }
            for (String table : List.copyOf(lines.stream().filter(line -> line.startsWith("table ")).toList())) {
                String name = table.substring("table ".length());
                try (ResultSet indexes = meta.getIndexInfo(null, schema, name, false, false)) {
                    while (indexes.next()) {
                        String index = indexes.getString("INDEX_NAME");
                        if (index != null) {
                            lines.add("index " + name + "." + index.toLowerCase(Locale.ROOT) + " "
                                    + indexes.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                    + (indexes.getBoolean("NON_UNIQUE") ? "" : " unique"));
                        }
                    }
                }
            }
            lines.sort(null);
            return new SchemaSnapshot(List.copyOf(lines));
    }

    boolean hasTable(String table) {
        return lines.contains("table " + table);
    }
}
