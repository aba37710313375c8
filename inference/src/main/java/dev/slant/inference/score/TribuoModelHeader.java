package dev.slant.inference.score;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.OutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.OutputDomainProto;

/**
 * A Tribuo model's class and labels, read from its protobuf form as a stream without building the model: the
 * reader walks ModelProto.serialized_data, the Any's value, the model message's metadata (field 1 in every
 * supported model type) and ModelDataProto.output_domain, skipping everything else, so that the feature domain
 * and the weights (hundreds of megabytes) are never held in memory.
 *
 * @param className the model class
 * @param labels    the labels by output id
 */
public record TribuoModelHeader(String className, List<String> labels) {
    private static final int MODEL_CLASS_NAME = 2;
    private static final int MODEL_SERIALIZED_DATA = 3;
    private static final int ANY_VALUE = 2;
    private static final int MODEL_METADATA = 1;
    private static final int METADATA_OUTPUT_DOMAIN = 5;

    /** Copies. */
    public TribuoModelHeader {
        labels = List.copyOf(labels);
    }

    /**
     * Reads the header; the stream is left somewhere after the output domain (the caller drains it).
     *
     * @param stream a model in Tribuo's protobuf form
     * @return its class and labels
     * @throws IOException              if reading fails or the protobuf is malformed
     * @throws IllegalArgumentException if the model has no class name or output domain, or its outputs are not labels
     */
    public static TribuoModelHeader read(InputStream stream) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(stream);
        in.setSizeLimit(Integer.MAX_VALUE);
        String className = null;
        OutputDomainProto domain = null;
        for (int tag = in.readTag(); tag != 0 && domain == null; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == MODEL_CLASS_NAME && isMessage(tag)) {
                className = in.readStringRequireUtf8();
            } else if (field == MODEL_SERIALIZED_DATA && isMessage(tag)) {
                int limit = in.pushLimit(in.readRawVarint32());
                domain = enter(in, ANY_VALUE, () -> enter(in, MODEL_METADATA,
                        () -> enter(in, METADATA_OUTPUT_DOMAIN, () -> OutputDomainProto.parseFrom(in.readBytes()))));
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        if (className == null) {
            throw new IllegalArgumentException("the model protobuf has no class name");
        }
        if (domain == null) {
            throw new IllegalArgumentException("the model protobuf has no output domain");
        }
        return new TribuoModelHeader(className, labels(domain));
    }

    /**
     * A model's labels in the order of their ids.
     *
     * @param domain the model's output domain
     * @return the labels
     * @throws IllegalArgumentException if the outputs are not labels
     */
    static List<String> labels(OutputDomainProto domain) {
        ImmutableOutputInfo<?> info = (ImmutableOutputInfo<?>) OutputInfo.deserialize(domain);
        List<String> labels = new ArrayList<>(info.size());
        for (int id = 0; id < info.size(); id++) {
            if (!(info.getOutput(id) instanceof Label label)) {
                throw new IllegalArgumentException("the model's outputs are not labels");
            }
            labels.add(label.getLabel());
        }
        return labels;
    }

    private static boolean isMessage(int tag) {
        return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    @FunctionalInterface
    private interface Inside {
        OutputDomainProto read() throws IOException;
    }

    /** Finds a length-delimited field of the current message and reads inside it; null if absent. */
    private static OutputDomainProto enter(CodedInputStream in, int wanted, Inside inside) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == wanted && isMessage(tag)) {
                if (wanted == METADATA_OUTPUT_DOMAIN) {
                    return inside.read();
                }
                int limit = in.pushLimit(in.readRawVarint32());
                OutputDomainProto found = inside.read();
                in.popLimit(limit);
                return found;
            }
            in.skipField(tag);
        }
        return null;
    }
}
