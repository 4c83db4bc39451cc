"""The audit: figures, topics and help-center gaps over the loaded conversations, as tables and a report.

The entry point is :func:`fern_pipeline.audit.build.build_audit`. The package re-exports nothing, so
that importing one light module of it (the alert rules, the table models) does not import the audit's
libraries with ``build``.
"""
