package org.payengine.adapters.antom;

import com.alipay.global.api.model.ResultStatusType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each of Antom's result codes means for the engine, per API — Antom's tables kept as data
 * ({@code result-codes.tsv} beside this class, with the reason for every row).
 */
final class ResultCodeTable {

    /** What the engine should make of one answer. */
    enum Disposition {
        /** The call did what was asked. */
        SUCCEEDED,
        /** Definitely not done; a new attempt needs a new request id. */
        FAILED,
        /** Accepted; the result comes later by notification or inquiry. Do not resend. */
        IN_PROCESS,
        /** Unknown; resending the identical request with the same id is safe and advised. */
        RESEND_SAME_ID,
        /** Unknown; inquire before doing anything else. */
        INQUIRE_FIRST
    }

    private static final ResultCodeTable ANTOM = load("result-codes.tsv");

    private final Map<AntomApi, Map<String, Row>> rows;

    private ResultCodeTable(Map<AntomApi, Map<String, Row>> rows) {
        this.rows = rows;
    }

    static ResultCodeTable antom() {
        return ANTOM;
    }

    /**
     * The disposition of a {@code result} Antom sent for {@code api}. A code the table does not list
     * is taken at its status: S succeeded, F failed (Antom's F is definite), U inquire first.
     */
    Disposition dispositionOf(AntomApi api, String resultCode, ResultStatusType status) {
        Objects.requireNonNull(status, "resultStatus");
        Row row = rows.get(api).get(resultCode);
        if (row != null && row.status == status) {
            return row.disposition;
        }
        switch (status) {
            case S:
                return Disposition.SUCCEEDED;
            case F:
                return Disposition.FAILED;
            default:
                return Disposition.INQUIRE_FIRST;
        }
    }

    /** Whether the table lists {@code resultCode} for {@code api} (directly or as common to all). */
    boolean lists(AntomApi api, String resultCode) {
        return rows.get(api).containsKey(resultCode);
    }

    private record Row(ResultStatusType status, Disposition disposition) {
    }

    static ResultCodeTable load(String resource) {
        Map<AntomApi, Map<String, Row>> rows = new EnumMap<>(AntomApi.class);
        for (AntomApi api : AntomApi.values()) {
            rows.put(api, new HashMap<>());
        }
        try (InputStream in = Objects.requireNonNull(ResultCodeTable.class.getResourceAsStream(resource), resource);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 5) {
                    throw new IllegalStateException(resource + ":" + number + ": expected 5 tab-separated cells");
                }
                Row row = new Row(ResultStatusType.valueOf(cells[2]), Disposition.valueOf(cells[3]));
                boolean known = false;
                for (AntomApi api : AntomApi.values()) {
                    if (cells[0].equals("*") || cells[0].equals(api.referenceName())) {
                        rows.get(api).put(cells[1], row);
                        known = true;
                    }
                }
                if (!known) {
                    throw new IllegalStateException(resource + ":" + number + ": unknown API '" + cells[0] + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ResultCodeTable(rows);
    }
}
