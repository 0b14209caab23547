# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "OKR Management - Project",
    "summary": "Initiatives linked to projects and tasks: delivered work moves key results",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "website": "https://github.com/okr-suite/okr-suite",
    "author": "OKR Suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "auto_install": False,
    "depends": ["okr_management", "project"],
    "data": [],
}
