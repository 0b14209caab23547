# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "OKR Management - Project",
    "summary": "Initiatives on projects and tasks: delivered work moves key results",
    "version": "19.0.1.0.0",
    "category": "Productivity",
    "website": "https://github.com/okr-suite/okr-suite",
    "author": "OKR Suite contributors",
    "license": "LGPL-3",
    "depends": ["okr_management", "project"],
    "data": [
        "security/ir.model.access.csv",
        "data/project_tag_data.xml",
        "data/okr_metric_data.xml",
        "views/project_task_views.xml",
        "views/project_project_views.xml",
        "views/project_update_templates.xml",
        "views/okr_initiative_views.xml",
        "views/okr_key_result_views.xml",
        "views/okr_objective_views.xml",
        "views/okr_team_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/okr_initiative_task_wizard_views.xml",
    ],
    "demo": [
        "demo/okr_project_demo.xml",
        "demo/okr_team_demo.xml",
        "demo/okr_method_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "okr_management_project/static/src/tours/**/*",
        ],
    },
    "uninstall_hook": "uninstall_hook",
}
