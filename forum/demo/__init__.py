"""Deterministic demo content for seeding and benchmarks."""
