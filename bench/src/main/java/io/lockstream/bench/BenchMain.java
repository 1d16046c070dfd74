package io.lockstream.bench;

public final class BenchMain { public static void main(String[] a) throws Exception { } }
