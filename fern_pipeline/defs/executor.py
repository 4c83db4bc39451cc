"""Where a run's steps execute: Dagster's default on one machine, or Celery workers on many."""

import dagster as dg

from fern_pipeline.config import ProjectConfig

#: Celery's own variables, read by Dagster when a run starts (never by this code) and by each worker,
#: so the broker's credentials stay out of run config, definitions and event logs.
BROKER_ENV = "CELERY_BROKER_URL"
BACKEND_ENV = "CELERY_RESULT_BACKEND"


def build_executor_defs(config: ProjectConfig) -> dg.Definitions:
    """With ``executor: celery``, each step is a Celery task on the ``dagster`` queue, run by whichever
    worker takes it; otherwise no executor is set, and Dagster's multiprocess executor runs the steps."""
    if config.executor != "celery":
        return dg.Definitions()
    # Imported here: a code location on one machine does not pay for importing Celery (0.3 s).
    from dagster_celery import celery_executor

    executor = celery_executor.configured(
        {"broker": {"env": BROKER_ENV}, "backend": {"env": BACKEND_ENV}}, name="celery"
    )
    return dg.Definitions(executor=executor)
