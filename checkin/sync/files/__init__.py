"""The file route: registrations from CSV and XLSX, and invitations (attendance lists and reports: checkin.reports).

Plain Python (no Qt): the CLI in ``checkin.commands.files`` and the import dialog both call it.
"""
