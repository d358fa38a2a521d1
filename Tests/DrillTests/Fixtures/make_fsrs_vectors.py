#!/usr/bin/env python3
"""Reference vectors for the Swift FSRS-6 scheduler, produced by py-fsrs itself.

Set up and run (from the package root):

    python3 -m venv .venv && .venv/bin/pip install fsrs==6.3.2
    .venv/bin/python Tests/DrillTests/Fixtures/make_fsrs_vectors.py

The histories are drawn from a private random.Random(VECTOR_SEED); py-fsrs fuzzes with the
module-level `random.random()`, which is re-seeded with `random.seed(history["seed"])` before each
fuzzed history so the Swift side can replay the same stream with PythonRandom(seed:).
"""

import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs
from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

EXPECTED_FSRS_VERSION = "6.3.2"
VECTOR_SEED = 20250602
HISTORY_COUNT = 300
OUTPUT = Path(__file__).with_name("fsrs-vectors.json")

STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}

# Step lists in seconds; odd values make Hard's 1.5x and averaged steps land on half seconds.
LEARNING_STEP_CHOICES = [[60, 600]] * 6 + [[], [600], [45], [33, 600], [60, 300, 1800], [1, 86400], [7, 3, 900]]
RELEARNING_STEP_CHOICES = [[600]] * 6 + [[], [300, 3600], [45], [7, 61], [86400 * 2]]


def rfc3339(moment: datetime) -> str:
    text = moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    return text + "Z"


def pick_gap(rng: random.Random, card: Card, at: datetime) -> timedelta:
    """Mixes the gaps that matter: seconds, same day, the one-day boundary, on time, and long absences."""
    kind = rng.random()
    if kind < 0.15:
        gap = timedelta(seconds=rng.randint(1, 600))
    elif kind < 0.30:
        gap = timedelta(seconds=rng.randint(600, 86_399))
    elif kind < 0.36:
        gap = timedelta(seconds=86_400 + rng.choice([-1, 0, 1]))
    elif kind < 0.56:
        gap = max(card.due - at, timedelta(seconds=1))  # reviewed exactly when due
    elif kind < 0.81:
        gap = timedelta(days=rng.randint(1, 30), seconds=rng.randint(0, 86_399))
    else:
        gap = timedelta(days=rng.randint(30, 700), seconds=rng.randint(0, 86_399))
    if rng.random() < 0.15:
        gap += timedelta(microseconds=rng.randint(1, 999_999))
    return gap


def pick_rating(rng: random.Random) -> Rating:
    return Rating(rng.choices([1, 2, 3, 4], weights=[2, 2, 5, 2])[0])


def pick_parameters(rng: random.Random) -> list[float]:
    if rng.random() < 0.8:
        return list(DEFAULT_PARAMETERS)
    # Perturbed weights, kept inside py-fsrs's bounds.
    weights = []
    for default, lower, upper in zip(DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS):
        value = default * rng.uniform(0.6, 1.4) if default else rng.uniform(lower, upper)
        weights.append(round(min(max(value, lower), upper), 4))
    if rng.random() < 0.4:
        # Half-day initial stabilities: graduating intervals then hit round()'s ties (2.5 -> 2, 4.5 -> 4).
        weights[:4] = [0.5, 1.5, 2.5, 4.5]
    return weights


def make_history(rng: random.Random, index: int) -> dict:
    fuzz = rng.random() < 0.5
    settings = {
        "parameters": pick_parameters(rng),
        "desired_retention": 0.9 if rng.random() < 0.7 else round(rng.uniform(0.7, 0.97), 2),
        "learning_steps": rng.choice(LEARNING_STEP_CHOICES),
        "relearning_steps": rng.choice(RELEARNING_STEP_CHOICES),
        "maximum_interval": 36500 if rng.random() < 0.85 else rng.choice([1, 3, 30, 365, 1000]),
        "enable_fuzzing": fuzz,
    }
    scheduler = Scheduler(
        parameters=settings["parameters"],
        desired_retention=settings["desired_retention"],
        learning_steps=[timedelta(seconds=s) for s in settings["learning_steps"]],
        relearning_steps=[timedelta(seconds=s) for s in settings["relearning_steps"]],
        maximum_interval=settings["maximum_interval"],
        enable_fuzzing=fuzz,
    )
    seed = index if fuzz else None
    if seed is not None:
        random.seed(seed)

    at = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randint(0, 2 * 365 * 86_400))
    if rng.random() < 0.2:
        at += timedelta(microseconds=rng.randint(1, 999_999))
    card = Card(card_id=index + 1, due=at)
    reviews = []
    for position in range(rng.randint(1, 30)):
        if position > 0:
            at = at + pick_gap(rng, card, at)
        rating = pick_rating(rng)
        retrievability = scheduler.get_card_retrievability(card, at) if card.last_review else None
        card, _ = scheduler.review_card(card, rating, at)
        reviews.append({
            "rating": int(rating),
            "at": rfc3339(at),
            "state": STATE_NAMES[int(card.state)],
            "step": card.step,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "retrievability": retrievability,
            "due": rfc3339(card.due),
        })
    return {"index": index, "seed": seed, "scheduler": settings, "reviews": reviews}


def main() -> None:
    version = getattr(fsrs, "__version__", None)
    if version is None:
        from importlib.metadata import version as package_version
        version = package_version("fsrs")
    if version != EXPECTED_FSRS_VERSION:
        sys.exit(f"expected fsrs {EXPECTED_FSRS_VERSION}, found {version}")
    rng = random.Random(VECTOR_SEED)
    histories = [make_history(rng, index) for index in range(HISTORY_COUNT)]
    document = {
        "generator": "make_fsrs_vectors.py",
        "fsrs_version": version,
        "vector_seed": VECTOR_SEED,
        "histories": histories,
    }
    OUTPUT.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    reviews = sum(len(h["reviews"]) for h in histories)
    print(f"wrote {OUTPUT.name}: {len(histories)} histories, {reviews} reviews, {OUTPUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
