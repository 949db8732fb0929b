"""The file route: registrations from CSV and XLSX, invitations, attendance lists, reports, GDPR purge.

Plain Python (no Qt): the CLI in ``checkin.commands.files`` and the import dialog both call it.
"""
