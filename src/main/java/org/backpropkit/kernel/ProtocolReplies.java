package org.backpropkit.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * Replies that jjava-jupyter 1.0-a6 gets wrong, written as the Jupyter messaging protocol (5.3) has them:
 * {@code kernel_info_reply} needs a {@code status}, and a {@code history_reply} lists each cell as
 * {@code [session, line, input]} rather than as an object. {@code jupyter_kernel_test} checks both.
 */
final class ProtocolReplies {

    private ProtocolReplies() {
    }

    static void kernelInfo(BaseKernel kernel, ShellReplyEnvironment env) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(kernel));
    }

    static void history(HistoryManager history, ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        switch (request.getAccessType()) {
            case TAIL:
                entries = history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
                break;
            case RANGE:
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
                break;
            default:
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        }
        env.reply(new HistoryReply(entries));
    }

    /** jjava-jupyter's reply lacks the protocol's {@code status} field; this one has it. */
    private static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused")
        private final String status = "ok";

        KernelInfo(BaseKernel k) {
            super("5.3", k.getName(), k.getVersion(), k.getLanguageInfo(), k.getBanner(), k.getHelpLinks());
        }
    }

    /**
     * A history reply as the protocol has it: a status, and each cell as {@code [session, line, input]} (or
     * {@code [session, line, [input, output]]}); jjava-jupyter's own reply sends objects instead of lists.
     */
    private static final class HistoryReply implements ContentType<HistoryReply>, ReplyType<HistoryRequest> {
        @SuppressWarnings("unused")
        private final String status = "ok";
        private final List<List<Object>> history = new ArrayList<>();

        HistoryReply(List<HistoryEntry> entries) {
            for (HistoryEntry e : entries) {
                Object cell = e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput();
                history.add(List.of(e.getSession(), e.getCellNumber(), cell));
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<HistoryReply> getType() {
            return (MessageType) MessageType.HISTORY_REPLY;
        }

        @Override
        public MessageType<HistoryRequest> getRequestType() {
            return MessageType.HISTORY_REQUEST;
        }
    }
}
