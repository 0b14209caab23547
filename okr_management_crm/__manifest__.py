# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "OKR Management - CRM",
    "summary": "Sales key results measured from the CRM pipeline",
    "version": "19.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/okr-suite/okr-suite",
    "author": "OKR Suite contributors",
    "maintainers": ["okr-suite"],
    "license": "LGPL-3",
    "depends": ["okr_management", "crm"],
    "data": [
        "data/okr_metric_crm_data.xml",
        "views/okr_key_result_views.xml",
        "views/okr_initiative_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_team_views.xml",
        "views/okr_team_views.xml",
    ],
    "demo": [
        "demo/okr_crm_demo.xml",
        "demo/okr_team_demo.xml",
    ],
    "uninstall_hook": "uninstall_hook",
}
