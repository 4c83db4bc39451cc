"""How often the rising_topics rule flags a topic that doubled in its last week, and a stable one.

Planted weekly counts: each topic's 12 full weeks (a 90-day window) are Poisson draws at its rate; a
doubling topic's last week is drawn at twice the rate. Every seed draws every topic afresh.

    python -m benchmarks.alerts --seeds 2000
"""

import argparse

import numpy as np

from fern_pipeline.audit.alerts import last_week_rise

WEEKS = 12
RATES = (5, 10, 15, 20, 30, 50)


def flagged_share(rate: float, factor: float, seeds: int, weeks: int = WEEKS) -> float:
    """Share of seeds in which a topic at ``rate`` a week, ``factor`` times that in its last week, rises."""
    hits = 0
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        counts = [*rng.poisson(rate, weeks - 1).tolist(), int(rng.poisson(rate * factor))]
        rise = last_week_rise(counts)
        hits += bool(rise is not None and rise.rising)
    return hits / seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=2000)
    seeds = parser.parse_args().seeds
    print(f"| conversations a week | doubled in its last week: flagged | stable: flagged ({seeds} seeds) |")
    print("|---:|---:|---:|")
    for rate in RATES:
        doubled = flagged_share(rate, 2.0, seeds)
        stable = flagged_share(rate, 1.0, seeds)
        print(f"| {rate} | {doubled:.1%} | {stable:.1%} |")


if __name__ == "__main__":
    main()
