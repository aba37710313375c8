package dev.slant.inference.score;

import de.bwaldvogel.liblinear.SolverType;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Java serialization of a LibLinear {@code de.bwaldvogel.liblinear.Model}, the form Tribuo 4.3 stores in
 * {@code LibLinearModelProto.models}, without building any object, and stops at the first value of its weight
 * array so that the caller streams the weights where it wants them. It follows the Java Object Serialization
 * Stream Protocol for exactly this object graph: the model's class descriptor (no custom writeObject), its
 * primitive fields ({@code bias}, {@code nr_class}, {@code nr_feature}, {@code rho}), then its object fields in
 * name order: {@code label} (int[]), {@code solverType} (an enum) and {@code w} (double[], last). Anything else
 * (another class, a proxy, a custom write method, an unknown object field) is refused with a message, never
 * deserialized.
 */
final class LibLinearObjectStream {
    static final String MODEL_CLASS = "de.bwaldvogel.liblinear.Model";
    private static final String SOLVER_CLASS = "de.bwaldvogel.liblinear.SolverType";

    private static final short STREAM_MAGIC = (short) 0xACED;
    private static final short STREAM_VERSION = 5;
    private static final int TC_NULL = 0x70;
    private static final int TC_REFERENCE = 0x71;
    private static final int TC_CLASSDESC = 0x72;
    private static final int TC_OBJECT = 0x73;
    private static final int TC_STRING = 0x74;
    private static final int TC_ARRAY = 0x75;
    private static final int TC_ENDBLOCKDATA = 0x78;
    private static final int TC_ENUM = 0x7E;
    private static final int BASE_HANDLE = 0x7E0000;
    private static final int SC_WRITE_METHOD = 0x01;
    private static final int SC_SERIALIZABLE = 0x02;
    private static final int SC_EXTERNALIZABLE = 0x04;

    /**
     * What precedes the weights.
     *
     * @param bias       LibLinear's bias term (negative: none)
     * @param nrClass    the number of classes
     * @param nrFeature  the number of features, bias slot excluded
     * @param labels     LibLinear's class order: the label id of each class
     * @param solverType the solver
     * @param weights    the length of the weight array that follows
     */
    record Header(double bias, int nrClass, int nrFeature, int[] labels, SolverType solverType, int weights) {
    }

    private record Field(char type, String name, String typeName) {
    }

    private record ClassDesc(String name, int flags, List<Field> fields, ClassDesc superDesc) {
    }

    private final DataInputStream in;
    private final List<Object> handles = new ArrayList<>();

    private LibLinearObjectStream(DataInputStream in) {
        this.in = in;
    }

    /**
     * Reads up to the first weight; the stream is then at {@link Header#weights()} big-endian doubles.
     *
     * @param in the serialized model
     * @return the header
     * @throws IOException              if reading fails (an early end is an {@link java.io.EOFException})
     * @throws IllegalArgumentException naming what is unexpected if the bytes are not a serialized LibLinear model
     */
    static Header readHeader(DataInputStream in) throws IOException {
        return new LibLinearObjectStream(in).header();
    }

    private Header header() throws IOException {
        if (in.readShort() != STREAM_MAGIC) {
            throw bad("not a Java serialization stream (bad magic)");
        }
        short version = in.readShort();
        if (version != STREAM_VERSION) {
            throw bad("Java serialization stream version " + version + " is not supported");
        }
        expect(TC_OBJECT, "the model object");
        ClassDesc desc = classDesc();
        if (desc == null || !desc.name().equals(MODEL_CLASS) || desc.superDesc() != null) {
            throw bad("the serialized object is not a " + MODEL_CLASS + (desc == null ? "" : " but a " + desc.name()));
        }
        if ((desc.flags() & (SC_WRITE_METHOD | SC_EXTERNALIZABLE)) != 0 || (desc.flags() & SC_SERIALIZABLE) == 0) {
            throw bad(MODEL_CLASS + " is serialized with a custom method (flags " + desc.flags() + "), which this reader does not follow");
        }
        handles.add("model");
        double bias = Double.NaN;
        int nrClass = -1;
        int nrFeature = -1;
        int[] labels = null;
        SolverType solver = null;
        List<Field> fields = desc.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            switch (f.type()) {
                case 'D' -> {
                    double v = in.readDouble();
                    if (f.name().equals("bias")) {
                        bias = v;
                    }
                }
                case 'I' -> {
                    int v = in.readInt();
                    if (f.name().equals("nr_class")) {
                        nrClass = v;
                    } else if (f.name().equals("nr_feature")) {
                        nrFeature = v;
                    }
                }
                case 'J' -> in.readLong();
                case 'F' -> in.readFloat();
                case 'S', 'C' -> in.readShort();
                case 'B', 'Z' -> in.readByte();
                default -> {
                    boolean last = i == fields.size() - 1;
                    if (f.name().equals("label") && f.typeName().equals("[I")) {
                        labels = intArray();
                    } else if (f.name().equals("solverType")) {
                        solver = solverType();
                    } else if (f.name().equals("w") && f.typeName().equals("[D") && last) {
                        int length = arrayStart("[D");
                        if (Double.isNaN(bias) || nrClass < 0 || nrFeature < 0 || labels == null || solver == null) {
                            throw bad(MODEL_CLASS + " lacks one of bias, nr_class, nr_feature, label, solverType");
                        }
                        return new Header(bias, nrClass, nrFeature, labels, solver, length);
                    } else {
                        throw bad(MODEL_CLASS + " has an unexpected field " + f.name() + " of type " + f.typeName()
                                + (f.name().equals("w") ? " (the weights must come last)" : ""));
                    }
                }
            }
        }
        throw bad(MODEL_CLASS + " has no weight array w");
    }

    private ClassDesc classDesc() throws IOException {
        int tc = in.readUnsignedByte();
        if (tc == TC_NULL) {
            return null;
        }
        if (tc == TC_REFERENCE) {
            if (!(handle() instanceof ClassDesc d)) {
                throw bad("a class descriptor reference points at something else");
            }
            return d;
        }
        if (tc != TC_CLASSDESC) {
            throw bad("expected a class descriptor, found type code 0x" + Integer.toHexString(tc));
        }
        String name = in.readUTF();
        in.readLong(); // serialVersionUID: the field list below is what this reader checks
        int handle = handles.size();
        handles.add(null);
        int flags = in.readUnsignedByte();
        int count = in.readUnsignedShort();
        List<Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char type = (char) in.readUnsignedByte();
            String fieldName = in.readUTF();
            String typeName = type == '[' || type == 'L' ? string() : String.valueOf(type);
            if ("BCDFIJSZ[L".indexOf(type) < 0) {
                throw bad("field " + fieldName + " of " + name + " has an unknown type code '" + type + "'");
            }
            fields.add(new Field(type, fieldName, typeName));
        }
        expect(TC_ENDBLOCKDATA, "the end of " + name + "'s class annotation");
        ClassDesc desc = new ClassDesc(name, flags, List.copyOf(fields), classDesc());
        handles.set(handle, desc);
        return desc;
    }

    private String string() throws IOException {
        int tc = in.readUnsignedByte();
        if (tc == TC_STRING) {
            String s = in.readUTF();
            handles.add(s);
            return s;
        }
        if (tc == TC_REFERENCE && handle() instanceof String s) {
            return s;
        }
        throw bad("expected a string, found type code 0x" + Integer.toHexString(tc));
    }

    private Object handle() throws IOException {
        int index = in.readInt() - BASE_HANDLE;
        if (index < 0 || index >= handles.size() || handles.get(index) == null) {
            throw bad("a back reference points at handle " + (index + BASE_HANDLE) + ", which does not exist");
        }
        return handles.get(index);
    }

    /** Reads an array's type code, class descriptor and length; its elements follow. */
    private int arrayStart(String type) throws IOException {
        expect(TC_ARRAY, "a " + type + " array");
        ClassDesc desc = classDesc();
        if (desc == null || !desc.name().equals(type)) {
            throw bad("expected a " + type + " array, found " + (desc == null ? "null" : desc.name()));
        }
        handles.add("array");
        int length = in.readInt();
        if (length < 0) {
            throw bad("negative array length " + length);
        }
        return length;
    }

    private int[] intArray() throws IOException {
        int length = arrayStart("[I");
        if (length > 1 << 16) {
            throw bad("a LibLinear model with " + length + " labels");
        }
        int[] a = new int[length];
        for (int i = 0; i < length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    private SolverType solverType() throws IOException {
        expect(TC_ENUM, "the solver type");
        ClassDesc desc = classDesc();
        if (desc == null || !desc.name().equals(SOLVER_CLASS)) {
            throw bad("the solver type is a " + (desc == null ? "null" : desc.name()) + ", not a " + SOLVER_CLASS);
        }
        handles.add("enum");
        String name = string();
        try {
            return SolverType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw bad("unknown LibLinear solver " + name);
        }
    }

    private void expect(int typeCode, String what) throws IOException {
        int tc = in.readUnsignedByte();
        if (tc != typeCode) {
            throw bad("expected " + what + " (type code 0x" + Integer.toHexString(typeCode) + "), found 0x" + Integer.toHexString(tc));
        }
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException("serialized LibLinear model: " + message);
    }
}
