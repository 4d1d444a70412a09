package org.backpropkit.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

/**
 * Reads one whole Jupyter message from a socket: first every frame ZeroMQ delivered with it, then its parts
 * (identities, {@code <IDS|MSG>}, signature, header, parent header, metadata, content, buffers).
 *
 * <p>jjava-jupyter's reader takes a fixed number of frames, so a message with too few of them made it read
 * the next message's frames as its own and lose a good request. Here a message that is short, unsigned by the
 * connection's key or not valid JSON is refused whole ({@link Refused} says why) and the next one is read
 * cleanly.
 */
final class MessageReader {

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Type MAP = new TypeToken<Map<String, Object>>() { }.getType();
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(new Gson()))
            .create();

    /** A message that was read whole and dropped, with the reason. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private MessageReader() {
    }

    /** The next message on {@code socket}, or null when the socket was closed; throws {@link Refused}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Message<?> read(ZMQ.Socket socket, HMACGenerator hmac) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv();
            if (frame == null) {
                return null;
            }
            frames.add(frame);
        } while (socket.hasReceiveMore());
        int delimiter = 0;
        while (delimiter < frames.size() && !Arrays.equals(frames.get(delimiter), DELIMITER)) {
            delimiter++;
        }
        if (frames.size() < delimiter + 6) {
            throw new Refused("it has " + frames.size() + " frames, fewer than a message needs");
        }
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        String expected = hmac.calculateSignature(header, parent, metadata, content);
        if (expected != null && !expected.equals(new String(frames.get(delimiter + 1), StandardCharsets.US_ASCII))) {
            throw new Refused("its signature is wrong");
        }
        try {
            Header<?> head = GSON.fromJson(text(header), Header.class);
            if (head == null || head.getType() == null) {
                throw new Refused("its header names no known message type");
            }
            JsonElement parentJson = JsonParser.parseString(text(parent));
            Header<?> parentHeader = parentJson.isJsonObject() && parentJson.getAsJsonObject().size() > 0
                    ? GSON.fromJson(parentJson, Header.class) : null;
            Map<String, Object> meta = GSON.fromJson(text(metadata), MAP);
            Object body = GSON.fromJson(text(content), head.getType().getContentType());
            return new Message(new ArrayList<>(frames.subList(0, delimiter)), head, parentHeader, meta, body,
                    new ArrayList<>(frames.subList(delimiter + 6, frames.size())));
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new Refused("it is not valid JSON for its type: " + e.getMessage());
        }
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
