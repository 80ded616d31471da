/** Benchmarks (run by ./bench.sh -pl reporting-service): report latency at volume, rebuild rate, memory. */
package ru.outreach.reporting.benchmark;
