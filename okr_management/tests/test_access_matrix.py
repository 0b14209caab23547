# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who may do what, in one table: every OKR model and wizard against every
role, for read, create, write and unlink.

A stored model is asked about one record of the main company owned by a third
user (so an OKR user's own-record rights do not blur the table); create, and
every operation of a wizard, is asked of the model. ``READ``/``CREATE``/...
letters list what the role may do: an empty string is "nothing".
"""

from datetime import date

from odoo.tests import new_test_user, tagged

from .common import OkrCase

OPERATIONS = {"r": "read", "c": "create", "w": "write", "u": "unlink"}
ROLES = ("user", "manager", "other_company", "portal", "public")

# model: (user, manager, user of another company, portal, public)
MATRIX = {
    "okr.period": ("r", "rcwu", "", "", ""),
    "okr.objective": ("rc", "rcwu", "c", "", ""),
    "okr.key.result": ("rc", "rcwu", "c", "", ""),
    "okr.initiative": ("rc", "rcwu", "c", "", ""),
    "okr.check.in": ("rc", "rcwu", "c", "", ""),
    "okr.metric": ("r", "rcwu", "", "", ""),
    "okr.kpi": ("r", "rcwu", "", "", ""),
    # the facilitator and the owners fill in the retrospective together
    "okr.team": ("r", "rcwu", "", "", ""),
    # the seeds' operating model is shared reference data, the same for every company
    "okr.operating.area": ("r", "rcwu", "r", "", ""),
    "okr.retrospective": ("rw", "rcwu", "", "", ""),
    "okr.retrospective.line": ("rw", "rcwu", "", "", ""),
    # users read the reviews of their companies; the team's leaders write them
    "okr.monthly.review": ("rc", "rcwu", "c", "", ""),
    "okr.monthly.review.decision": ("rc", "rcwu", "c", "", ""),
    # wizards: asked of the model
    "okr.period.generate": ("", "rcw", "", "", ""),
    "okr.objective.checklist": ("rcw", "rcw", "rcw", "", ""),
    "okr.key.result.change": ("rcw", "rcw", "rcw", "", ""),
    "okr.check.in.weekly": ("rcwu", "rcwu", "rcwu", "", ""),
    "okr.check.in.weekly.line": ("rcwu", "rcwu", "rcwu", "", ""),
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(OkrCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other_company = cls.env["res.company"].create({"name": "Matrix Other Ltd"})
        user_groups = "okr_management.group_okr_user"
        owner = new_test_user(cls.env, "matrix_owner", groups=user_groups)
        cls.users = {
            "user": new_test_user(cls.env, "matrix_user", groups=user_groups),
            "manager": new_test_user(
                cls.env, "matrix_manager", groups="okr_management.group_okr_manager"
            ),
            "other_company": new_test_user(
                cls.env,
                "matrix_other",
                groups=user_groups,
                company_id=other_company.id,
                company_ids=[other_company.id],
            ),
            "portal": new_test_user(
                cls.env, "matrix_portal", groups="base.group_portal"
            ),
            "public": cls.env.ref("base.public_user"),
        }
        objective = cls._objective("Owner's", user_id=owner.id)
        key_result = cls._key_result(objective, user_id=owner.id)
        metric = cls.env["okr.metric"].create(
            {
                "name": "Matrix partners",
                "model_id": cls.env["ir.model"]._get("res.partner").id,
                "aggregate": "count",
                "company_id": cls.company.id,
            }
        )
        retrospective = cls.env["okr.retrospective"].create({"period_id": cls.q1.id})
        review = cls.env["okr.monthly.review"].create(
            {
                "team_id": cls.env["okr.team"]
                .create({"name": "Matrix reviewed", "leader_id": owner.id})
                .id,
                "month": date(2026, 2, 1),
            }
        )
        cls.records = {
            "okr.period": cls.q1,
            "okr.objective": objective,
            "okr.key.result": key_result,
            "okr.initiative": cls.env["okr.initiative"].create(
                {"name": "Work", "key_result_id": key_result.id, "user_id": owner.id}
            ),
            "okr.check.in": cls.env["okr.check.in"].create(
                {
                    "key_result_id": key_result.id,
                    "value": 10,
                    "date": date(2026, 2, 1),
                }
            ),
            "okr.metric": metric,
            "okr.kpi": cls.env["okr.kpi"].create(
                {"name": "Partners", "metric_id": metric.id, "user_id": owner.id}
            ),
            "okr.team": cls.env["okr.team"].create(
                {"name": "Matrix team", "company_id": cls.company.id}
            ),
            "okr.operating.area": cls.env.ref("okr_management.operating_area_value"),
            "okr.retrospective": retrospective,
            "okr.retrospective.line": cls.env["okr.retrospective.line"].create(
                {"retrospective_id": retrospective.id, "objective_id": objective.id}
            ),
            "okr.monthly.review": review,
            "okr.monthly.review.decision": cls.env[
                "okr.monthly.review.decision"
            ].create({"review_id": review.id, "name": "Matrix decision"}),
        }

    def test_the_matrix_covers_every_okr_model(self):
        okr_models = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("okr.")
            and not model._abstract
            and model._original_module == "okr_management"
        }
        self.assertEqual(okr_models - set(MATRIX), set(), "models missing a row")

    def test_access_matrix(self):
        for model, expected_row in MATRIX.items():
            for role, expected in zip(ROLES, expected_row, strict=True):
                user = self.users[role]
                for letter, operation in OPERATIONS.items():
                    record = self.records.get(model)
                    if record is None or operation == "create":
                        target = self.env[model].with_user(user)
                    else:
                        target = record.with_user(user)
                    with self.subTest(model=model, role=role, operation=operation):
                        self.assertEqual(
                            target.has_access(operation),
                            letter in expected,
                            f"{role} {operation} {model}",
                        )
