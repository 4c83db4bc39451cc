"""The audit: figures, topics and help-center gaps over the loaded conversations, as tables and a report."""

from fern_pipeline.audit.build import AUDIT_TABLES, AuditResult, AuditSettings, build_audit

__all__ = ["AUDIT_TABLES", "AuditResult", "AuditSettings", "build_audit"]
