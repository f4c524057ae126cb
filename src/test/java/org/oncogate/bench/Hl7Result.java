package org.oncogate.bench;

/**
 * One row of the HL7 benchmark: a target (baseline or gateway) under one load (closed loop at a
 * number of connections, or open loop at an offered rate). {@code ack} holds the AA'd messages, their
 * rate and ACK latency; {@code notAa} the messages answered otherwise or not at all. For the gateway,
 * {@code processedPerSecond} counts until its inference backlog of the step was drained too;
 * {@code cpuMsPerMessage} is the process's CPU time over the row (drain included) per message, and
 * {@code jitShare} the JIT compiler's time over the row as a share of one core ({@link JitWarmup}).
 */
public record Hl7Result(String target, String mode, int connections, int offeredPerSecond, PhaseResult ack,
        long notAa, double processedPerSecond, double drainSeconds, double cpuMsPerMessage,
        double jitShare, double loadAverageAtStart) {
}
