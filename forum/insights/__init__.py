"""Insights: pain points, trends and per-agency service figures for policy teams (and the public)."""
