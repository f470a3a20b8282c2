"""Screening throughput against the bare automaton, on synthetic Chinese posts and terms.

    python -m bench.screening [--terms 50000] [--posts 600] [--length 2000] [--rounds 3]

Generates (from a seeded RNG over 3,000 CJK ideographs) the terms and the posts, a quarter of
the posts carrying planted terms, some disguised with noise or traditional forms. Prints:
the one-off build of the normalisation table; the build of the screener; the full screener
(normalisation, terms, whitelist, personal data, map back) in posts/s, characters/s, median and
p99 per post; beside it the bare automaton over the same terms on the same raw texts, measured
in the same run, and the ratio of the two throughputs (budget: ≥ 1,500 posts/s, p99 ≤ 5 ms,
build ≤ 0.5 s, ratio aim ≥ 0.3). Times are given wall-clock and as the thread's CPU time,
which a loaded machine does not inflate. Medians over the rounds.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable, Sequence

import daachorse

from console.screening import Screener
from console.screening.lexicon_files import TermEntry
from console.screening.normalise import table

SEED = 20261122
IDEOGRAPHS = 3_000
NOISE = "，。、；：“”（）"
NOISE_SHARE = 0.08
PLANTED_SHARE = 0.25


def alphabet(rng: random.Random) -> list[str]:
    """3,000 distinct ideographs from the unified block."""
    return [chr(point) for point in rng.sample(range(0x4E00, 0x9FA6), IDEOGRAPHS)]


def make_terms(rng: random.Random, chars: list[str], count: int) -> list[TermEntry]:
    """``count`` distinct terms of 2–6 ideographs."""
    seen: set[str] = set()
    while len(seen) < count:
        seen.add("".join(rng.choices(chars, k=rng.randint(2, 6))))
    return [TermEntry(term, "自定义", rng.randint(1, 3)) for term in sorted(seen)]


def make_posts(
    rng: random.Random, chars: list[str], terms: list[TermEntry], count: int, length: int
) -> list[str]:
    """``count`` posts of ``length`` characters; some carry terms, some disguised with noise."""
    posts = []
    for _ in range(count):
        body = [rng.choice(NOISE) if rng.random() < NOISE_SHARE else rng.choice(chars)]
        body += [
            rng.choice(NOISE) if rng.random() < NOISE_SHARE else rng.choice(chars)
            for _ in range(length - 1)
        ]
        if rng.random() < PLANTED_SHARE:
            for _ in range(rng.randint(1, 3)):
                term = rng.choice(terms).term
                planted = "*".join(term) if rng.random() < 0.5 else term
                at = rng.randrange(length - len(planted))
                body[at : at + len(planted)] = planted
        posts.append("".join(body[:length]))
    return posts


def timed(work: Callable[[str], object], posts: Sequence[str]) -> tuple[list[float], list[float]]:
    """Seconds per post: wall-clock, and CPU time of this thread.

    On a shared machine the wall-clock tail is the scheduler's (a post preempted for a time
    slice takes 4 ms more); the CPU time is what the screener itself costs.
    """
    walls, cpus = [], []
    wall, cpu = time.perf_counter, time.thread_time
    for post in posts:
        began, used = wall(), cpu()
        work(post)
        cpus.append(cpu() - used)
        walls.append(wall() - began)
    return walls, cpus


def p99(times: list[float]) -> float:
    """The 99th percentile."""
    return sorted(times)[min(len(times) - 1, int(len(times) * 0.99))]


def main() -> None:
    """Generate, build, screen and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--terms", type=int, default=50_000)
    parser.add_argument("--posts", type=int, default=600)
    parser.add_argument("--length", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    rng = random.Random(SEED)
    chars = alphabet(rng)
    terms = make_terms(rng, chars, args.terms)
    posts = make_posts(rng, chars, terms, args.posts, args.length)
    whitelist = [rng.choice(chars) + t.term for t in rng.sample(terms, 500)]

    began = time.perf_counter()
    table()
    print(f"normalisation table (once per process): {time.perf_counter() - began:.3f} s")

    builds, build_cpus, bare_builds = [], [], []
    for _ in range(args.rounds):
        began, used = time.perf_counter(), time.thread_time()
        screener = Screener.build(terms, whitelist)
        build_cpus.append(time.thread_time() - used)
        builds.append(time.perf_counter() - began)
        began = time.perf_counter()
        bare = daachorse.CharwiseDoubleArrayAhoCorasick([t.term for t in terms])
        bare_builds.append(time.perf_counter() - began)
    print(
        f"build {len(terms):,} terms + {len(whitelist)} phrases: "
        f"{statistics.median(builds):.3f} s wall-clock, {statistics.median(build_cpus):.3f} s "
        "CPU (budget 0.5 s); "
        f"bare automaton {statistics.median(bare_builds):.3f} s"
    )

    found = sum(1 for post in posts if screener.screen(post))
    print(f"{len(posts)} posts of {args.length:,} characters, {found} with findings")

    full_rates, bare_rates, cpu_rates, bare_cpu_rates = [], [], [], []
    medians, tails, cpu_tails = [], [], []
    for _ in range(args.rounds):
        full, full_cpu = timed(screener.screen, posts)
        raw, raw_cpu = timed(bare.find_overlapping, posts)
        full_rates.append(len(posts) / sum(full))
        bare_rates.append(len(posts) / sum(raw))
        cpu_rates.append(len(posts) / sum(full_cpu))
        bare_cpu_rates.append(len(posts) / sum(raw_cpu))
        medians.append(statistics.median(full))
        tails.append(p99(full))
        cpu_tails.append(p99(full_cpu))
    full_rate, bare_rate = statistics.median(full_rates), statistics.median(bare_rates)
    cpu_rate, bare_cpu_rate = statistics.median(cpu_rates), statistics.median(bare_cpu_rates)
    print(
        f"screener: {full_rate:,.0f} posts/s = {full_rate * args.length / 1e6:.1f} M chars/s "
        f"wall-clock, {cpu_rate:,.0f} posts/s on CPU time (budget 1,500 posts/s); median "
        f"{statistics.median(medians) * 1e3:.3f} ms, p99 {statistics.median(tails) * 1e3:.3f} "
        f"ms wall-clock, {statistics.median(cpu_tails) * 1e3:.3f} ms CPU per post (budget 5 ms)"
    )
    print(
        f"bare automaton, raw text: {bare_rate:,.0f} posts/s = "
        f"{bare_rate * args.length / 1e6:.1f} M chars/s wall-clock, "
        f"{bare_cpu_rate:,.0f} posts/s on CPU time"
    )
    print(
        f"ratio screener / bare: {full_rate / bare_rate:.2f} wall-clock, "
        f"{cpu_rate / bare_cpu_rate:.2f} CPU time (aim ≥ 0.3)"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
