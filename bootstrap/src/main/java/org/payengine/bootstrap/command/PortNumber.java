package org.payengine.bootstrap.command;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The value of a port option: 0 (pick a free one) to 65535; anything else is a usage error naming the option. */
final class PortNumber implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new TypeConversionException("must be between 0 and 65535, was " + port);
        }
        return port;
    }
}
