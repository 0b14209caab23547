# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "OKR Management",
    "summary": "Objectives and key results with check-ins, pace and health",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "website": "https://github.com/okr-suite/okr-suite",
    "author": "OKR Suite contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["base", "mail", "web"],
    "data": [
        "views/okr_menus.xml",
    ],
}
