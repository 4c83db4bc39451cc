"""The "test" action in Dagster: a check per source, and a launchpad job for a URL not configured yet."""

import dagster as dg
from pydantic import Field

from fern_pipeline.config import ProjectConfig, SourceConfig, remote_source
from fern_pipeline.defs.metadata import SHOWN_ERRORS, errors_table
from fern_pipeline.defs.progress import RunLogProgress
from fern_pipeline.defs.sources import source_asset_key
from fern_pipeline.errors import ConfigError
from fern_pipeline.ingest.endpoint_check import EndpointCheck, check_endpoint
from fern_pipeline.ingest.masking.settings import privacy_settings

#: The name of every source's endpoint test check.
CHECK_NAME = "endpoint_test"
#: The launchpad job testing any http(s) URL.
JOB_NAME = "test_endpoint"
#: Its op, whose config takes the URL.
OP_NAME = "check_endpoint"
#: The source name an ad-hoc URL is tested under (it appears in messages only).
ADHOC_NAME = "tested_endpoint"


def endpoint_metadata(check: EndpointCheck) -> dict[str, dg.MetadataValue]:
    """Category, message, HTTP status, counts and the first errors (JSON pointer and code)."""
    metadata: dict[str, dg.MetadataValue] = {
        "status": dg.MetadataValue.text(check.status),
        "message": dg.MetadataValue.text(check.message),
        "url": dg.MetadataValue.text(check.url),
        "conversations": dg.MetadataValue.int(check.conversations),
        "messages": dg.MetadataValue.int(check.messages),
        "conversations_valid": dg.MetadataValue.int(check.conversations_valid),
        "conversations_rejected": dg.MetadataValue.int(check.conversations_rejected),
    }
    if check.category is not None:
        metadata["category"] = dg.MetadataValue.text(check.category)
    if check.http_status is not None:
        metadata["http_status"] = dg.MetadataValue.int(check.http_status)
    if check.errors:
        shown = [(error.path or "/", error.code) for error in check.errors[:SHOWN_ERRORS]]
        metadata["errors"] = dg.MetadataValue.md(errors_table(shown, len(check.errors)))
        metadata["first_error_path"] = dg.MetadataValue.text(check.errors[0].path or "/")
    return metadata


def endpoint_check_result(check: EndpointCheck) -> dg.AssetCheckResult:
    """Pass for a valid document; warn when some conversations were rejected; error when nothing loads."""
    return dg.AssetCheckResult(
        passed=check.ok,
        severity=dg.AssetCheckSeverity.WARN if check.status == "partial" else dg.AssetCheckSeverity.ERROR,
        description=check.first_line,
        metadata=endpoint_metadata(check),
    )


def build_endpoint_check(source: SourceConfig, project: ProjectConfig) -> dg.AssetChecksDefinition:
    """The check that tests ``source``'s endpoint now: no database, no pool, never blocking; what it says
    is masked as ``project`` masks the source's loads (a failure may quote a next page's URL)."""

    @dg.asset_check(
        asset=source_asset_key(source),
        name=CHECK_NAME,
        blocking=False,
        description=(
            "Tests the endpoint now, as `fern-pipeline check --source` does: fetches it and checks its "
            "format, writing nothing. Errors when it cannot be loaded, warns when it sends conversations "
            "that would be rejected (their JSON pointers in `errors`)."
        ),
    )
    def endpoint_test(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
        try:
            check = check_endpoint(
                source,
                on_progress=RunLogProgress(context.log.info, source.name).received,
                privacy=privacy_settings(project, source.name),
            )
        except ConfigError as error:
            return dg.AssetCheckResult(
                passed=False, severity=dg.AssetCheckSeverity.ERROR, description=f"configuration: {error}"
            )
        # Dagster's run logs and metadata outlive any erasure: format errors by pointer and code only.
        check = check.quoting_nothing()
        context.log.info(check.first_line)
        return endpoint_check_result(check)

    return endpoint_test


class EndpointTestConfig(dg.Config):
    """An endpoint to test from the launchpad."""

    url: str = Field(description="The endpoint's URL: http:// or https:// only.")
    headers: dict[str, str] = Field(
        default_factory=dict,
        description=(
            'Request headers, secrets only as "{{ env.NAME }}" templates read from the code location\'s '
            'environment, e.g. Authorization: "Bearer {{ env.HELPDESK_TOKEN }}".'
        ),
    )


def build_endpoint_test_job(project: ProjectConfig) -> dg.JobDefinition:
    """The launchpad job testing any http(s) URL, masking what it says as ``project`` masks its loads."""

    @dg.op(
        name=OP_NAME, description="Fetches a URL and checks its format, writing nothing and quoting nothing."
    )
    def check_endpoint_op(context: dg.OpExecutionContext, config: EndpointTestConfig) -> dg.Output[None]:
        """Succeed with the figures for a valid document; fail with the category, pointers and codes."""
        try:
            source = remote_source(config.url, ADHOC_NAME, config.headers)
            check = check_endpoint(
                source,
                on_progress=RunLogProgress(context.log.info, ADHOC_NAME).received,
                privacy=privacy_settings(project, ADHOC_NAME),
            )
        except ConfigError as error:
            raise dg.Failure(description=f"configuration: {error}", allow_retries=False) from None
        # Whoever launches this job chooses the URL: nothing of the body it answered is shown.
        check = check.quoting_nothing()
        metadata = endpoint_metadata(check)
        if not check.ok:
            raise dg.Failure(description=check.first_line, metadata=metadata, allow_retries=False)
        context.log.info(check.first_line)
        return dg.Output(None, metadata=metadata)

    @dg.job(
        # One step, no database: run in the run's own process rather than a subprocess of it.
        executor_def=dg.in_process_executor,
        name=JOB_NAME,
        description=(
            "Tests an endpoint that is not configured yet, as `fern-pipeline check URL` does: give `url` "
            "(and optional `headers`) under `ops: check_endpoint: config:`."
        ),
    )
    def endpoint_test_job() -> None:
        check_endpoint_op()

    return endpoint_test_job


def build_endpoint_test_defs(project: ProjectConfig) -> dg.Definitions:
    """Every source's endpoint test, and the ``test_endpoint`` job."""
    return dg.Definitions(
        asset_checks=[build_endpoint_check(source, project) for source in project.sources],
        jobs=[build_endpoint_test_job(project)],
    )
