package io.lockstream.query.store;

import io.lockstream.common.envelope.SealedBatch;
import io.lockstream.common.logs.LogGroup;
import io.lockstream.common.logs.LogStream;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Which stored events still exist, decided from the clear parts of a sealed batch and the directory, in one
 * place for the read path (hide at once) and the purge punctuator (delete later):
 * <ul>
 *   <li>an event older than its group's retention ({@code retentionInDays}) has expired;</li>
 *   <li>a batch ingested before its group or stream was (re-)created belongs to a deleted predecessor;</li>
 *   <li>a batch whose group or stream no longer exists is gone (purged only after {@link #MISSING_GRACE_MS},
 *       in case this instance's directory lags behind a brand-new stream).</li>
 * </ul>
 */
public final class Liveness {
    /** A batch of a stream this instance does not know is purged only when it is at least this old. */
    public static final long MISSING_GRACE_MS = 5_000;

    private final Function<String, Optional<LogGroup>> groups;
    private final BiFunction<String, String, Optional<LogStream>> streams;

    public Liveness(Function<String, Optional<LogGroup>> groups,
                    BiFunction<String, String, Optional<LogStream>> streams) {
        this.groups = groups;
        this.streams = streams;
    }

    /** True if no event of {@code batch} (of {@code group}) can ever be returned again at {@code now}. */
    public boolean purgeable(String group, SealedBatch batch, long now) {
        Optional<LogGroup> g = groups.apply(group);
        Optional<LogStream> s = g.flatMap(x -> streams.apply(group, batch.stream()));
        if (g.isEmpty() || s.isEmpty()) {
            return batch.ingestionTime() < now - MISSING_GRACE_MS;
        }
        return !belongs(g.get(), s.get(), batch) || batch.timestamp(batch.size() - 1) < g.get().retentionCutoff(now);
    }

    /** True if {@code batch} was ingested into this incarnation of the group and stream. */
    public static boolean belongs(LogGroup group, LogStream stream, SealedBatch batch) {
        return batch.ingestionTime() >= group.creationTime() && batch.ingestionTime() >= stream.creationTime();
    }
}
