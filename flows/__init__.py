"""Orchestration: Prefect flows and tasks, settings, the command line."""
