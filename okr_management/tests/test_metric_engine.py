# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from ..engine import metric as engine

D = datetime.date


@tagged("post_install", "-at_install")
class MetricEngineCase(TransactionCase):
    """The engine against partners created here, dated by SQL."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Metric B Corp"})
        group_user = cls.env.ref("base.group_user")
        users = cls.env["res.users"].with_context(no_reset_password=True)

        def user(login, companies):
            return users.create(
                {
                    "name": login,
                    "login": login,
                    "group_ids": [(6, 0, group_user.ids)],
                    "company_id": companies[0].id,
                    "company_ids": [(6, 0, [c.id for c in companies])],
                }
            )

        cls.ann = user("metric_ann", [cls.company])
        cls.bob = user("metric_bob", [cls.company])
        cls.both = user("metric_both", [cls.company, cls.company_b])
        Partner = cls.env["res.partner"]
        cls.team_x, cls.team_y = Partner.create(
            [{"name": "Team X", "is_company": True}, {"name": "Team Y"}]
        )
        # (owner, team, latitude, created, written)
        rows = [
            (cls.ann, cls.team_x, 1.0, "2026-01-10 08:00", "2026-01-10 10:00"),
            (cls.ann, cls.team_x, 3.0, "2026-02-10 08:00", "2026-02-10 12:00"),
            (cls.ann, cls.team_y, 5.0, "2026-03-31 23:30", "2026-04-01 01:30"),
            (cls.bob, cls.team_y, 7.0, "2026-02-01 00:00", "2026-02-02 00:00"),
            (cls.bob, False, 9.0, "2026-05-01 00:00", "2026-05-01 06:00"),
        ]
        cls.partners = Partner.create(
            [
                {
                    "name": f"MT {i}",
                    "user_id": owner.id,
                    "parent_id": team.id if team else False,
                    "partner_latitude": lat,
                    "company_id": cls.company.id,
                }
                for i, (owner, team, lat, _c, _w) in enumerate(rows)
            ]
        )
        # one record of company B, owned by ann: invisible to her
        cls.partner_b = Partner.create(
            {
                "name": "MT b",
                "user_id": cls.ann.id,
                "parent_id": cls.team_x.id,
                "partner_latitude": 100.0,
                "company_id": cls.company_b.id,
            }
        )
        cls.env.flush_all()
        for partner, (_o, _t, _l, created, written) in zip(
            cls.partners, rows, strict=True
        ):
            cls.env.cr.execute(
                "UPDATE res_partner SET create_date = %s, write_date = %s "
                "WHERE id = %s",
                (created, written, partner.id),
            )
        cls.env.cr.execute(
            "UPDATE res_partner SET create_date = '2026-01-15', "
            "write_date = '2026-01-16' WHERE id = %s",
            (cls.partner_b.id,),
        )
        cls.env.invalidate_all()

    def definition(self, key="m", **kw):
        values = {
            "key": key,
            "model": "res.partner",
            "domain": "[('name', '=like', 'MT %'), ('is_company', '=', False)]",
            "date_field": "create_date",
            "user_field": "user_id",
            "team_field": "parent_id",
        }
        values.update(kw)
        return engine.MetricDefinition(**values)

    def request(self, key, scope="company", scope_id=None, user=None, **kw):
        values = {
            "key": key,
            "metric": "m",
            "date_from": D(2026, 1, 1),
            "date_to": D(2026, 3, 31),
            "scope": scope,
            "scope_id": scope_id,
            "user_id": (user or self.ann).id,
            "company_ids": (self.company.id,),
        }
        values.update(kw)
        return engine.MetricRequest(**values)

    def scoped_requests(self, **kw):
        return [
            self.request("company", **kw),
            self.request("ann", "owner", self.ann.id, **kw),
            self.request("bob", "owner", self.bob.id, user=self.bob, **kw),
            self.request("x", "team", self.team_x.id, **kw),
            self.request("y", "team", self.team_y.id, **kw),
        ]

    def evaluate(self, definitions, requests):
        if isinstance(definitions, engine.MetricDefinition):
            definitions = [definitions]
        return engine.evaluate(self.env, definitions, requests)

    # -- aggregates, per owner and per team -------------------------------
    def test_count_per_scope(self):
        res = self.evaluate(self.definition(), self.scoped_requests())
        # Q1: records 0, 1, 2 (ann), 3 (bob); 4 is in May
        self.assertEqual(
            res, {"company": 4.0, "ann": 3.0, "bob": 1.0, "x": 2.0, "y": 2.0}
        )

    def test_sum_and_avg(self):
        res = self.evaluate(
            self.definition(aggregate="sum", value_field="partner_latitude"),
            self.scoped_requests(),
        )
        self.assertEqual(
            res, {"company": 16.0, "ann": 9.0, "bob": 7.0, "x": 4.0, "y": 12.0}
        )
        res = self.evaluate(
            self.definition(aggregate="avg", value_field="partner_latitude"),
            self.scoped_requests(),
        )
        self.assertEqual(
            res, {"company": 4.0, "ann": 3.0, "bob": 7.0, "x": 2.0, "y": 6.0}
        )

    def test_ratio(self):
        definition = self.definition(
            aggregate="ratio", ratio_domain="[('partner_latitude', '>', 2)]"
        )
        res = self.evaluate(definition, self.scoped_requests())
        self.assertEqual(
            res, {"company": 75.0, "ann": 200 / 3, "bob": 100.0, "x": 50.0, "y": 100.0}
        )
        # a ratio of sums: latitude > 2 among all latitudes
        definition = self.definition(
            aggregate="ratio",
            value_field="partner_latitude",
            ratio_domain="[('partner_latitude', '>', 2)]",
        )
        res = self.evaluate(definition, [self.request("company")])
        self.assertAlmostEqual(res["company"], 100 * 15 / 16)

    def test_ratio_zero_denominator_is_no_value(self):
        definition = self.definition(
            aggregate="ratio", ratio_domain="[('partner_latitude', '>', 2)]"
        )
        res = self.evaluate(
            definition,
            [self.request("empty", date_from=D(2025, 1, 1), date_to=D(2025, 3, 31))],
        )
        self.assertIsInstance(res["empty"], engine.MetricError)
        self.assertEqual(res["empty"].code, engine.ERR_ZERO)

    def test_duration_units(self):
        hours = self.definition(
            aggregate="duration",
            duration_start_field="create_date",
            duration_end_field="write_date",
            duration_unit="hour",
        )
        res = self.evaluate(hours, self.scoped_requests())
        # ann: 2 h, 4 h, 2 h; bob: 24 h
        self.assertEqual(
            res, {"company": 8.0, "ann": 8 / 3, "bob": 24.0, "x": 3.0, "y": 13.0}
        )
        minutes = self.definition(
            key="min",
            aggregate="duration",
            duration_start_field="create_date",
            duration_end_field="write_date",
            duration_unit="minute",
        )
        res = self.evaluate(
            minutes, [self.request("ann", "owner", self.ann.id, metric="min")]
        )
        self.assertAlmostEqual(res["ann"], 160.0)

    def test_avg_without_records_is_no_data(self):
        res = self.evaluate(
            self.definition(aggregate="avg", value_field="partner_latitude"),
            [self.request("none", date_from=D(2020, 1, 1), date_to=D(2020, 1, 2))],
        )
        self.assertEqual(res["none"].code, engine.ERR_NO_DATA)

    # -- windows ------------------------------------------------------------
    def test_windows(self):
        requests = [
            # a whole quarter: the 23:30 record of the 31st is in
            self.request("q1"),
            # to date, "today" being 2026-02-10: both records of that day count
            self.request("to_date", date_to=D(2026, 2, 10)),
            self.request("q2", date_from=D(2026, 4, 1), date_to=D(2026, 6, 30)),
            self.request("all", date_from=None, date_to=None),
        ]
        res = self.evaluate(self.definition(), requests)
        self.assertEqual(res, {"q1": 4.0, "to_date": 3.0, "q2": 1.0, "all": 5.0})

    # -- drill-down -----------------------------------------------------------
    def test_drilldown_equals_computed_set(self):
        definition = self.definition()
        partners_as_ann = self.env["res.partner"].with_user(self.ann)
        expected = {
            "company": self.partners[:4],
            "ann": self.partners[:3],
            "x": self.partners[:2],
            "y": self.partners[2:4],
        }
        requests = [r for r in self.scoped_requests() if r.key in expected]
        values = self.evaluate(definition, requests)
        for request in requests:
            domain = engine.drilldown_domain(self.env, definition, request)
            records = partners_as_ann.search(domain)
            self.assertEqual(records, expected[request.key], request.key)
            self.assertEqual(len(records), values[request.key], request.key)

    # -- rights -----------------------------------------------------------------
    def test_owner_rights_exclude_other_company(self):
        requests = [
            self.request("ann", "owner", self.ann.id),
            self.request(
                "both",
                "owner",
                self.ann.id,
                user=self.both,
                company_ids=(self.company.id, self.company_b.id),
            ),
            # asking for a company the evaluating user lacks gives nothing more
            self.request(
                "ann_b",
                "owner",
                self.ann.id,
                company_ids=(self.company.id, self.company_b.id),
            ),
        ]
        res = self.evaluate(self.definition(), requests)
        self.assertEqual(res["ann"], 3.0)
        self.assertEqual(res["both"], 4.0)  # also sees the company B record
        self.assertEqual(res["ann_b"], 3.0)

    def test_no_read_access_is_an_error(self):
        portal = (
            self.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "metric portal",
                    "login": "metric_portal",
                    "group_ids": [(6, 0, self.env.ref("base.group_portal").ids)],
                }
            )
        )
        res = self.evaluate(
            engine.MetricDefinition("m", "ir.cron", "[]"),
            [self.request("portal", user=portal)],
        )
        self.assertEqual(res["portal"].code, engine.ERR_ACCESS)

    def count_queries(self, definition, requests):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.evaluate(definition, requests)
        return self.env.cr.sql_log_count - before

    def test_owners_sharing_rules_share_one_query(self):
        definition = self.definition()
        self.evaluate(definition, self.scoped_requests())  # warm the caches
        one_owner = self.count_queries(
            definition, [self.request("ann", "owner", self.ann.id)]
        )
        # two owners, their teams and the company: still one grouped query
        five = self.count_queries(definition, self.scoped_requests())
        self.assertEqual(one_owner, five)

    # -- errors stay with their metric ------------------------------------------
    def test_errors_are_per_definition(self):
        good = self.definition(key="good")
        bad_domain = self.definition(key="bad_domain", domain="[('nope', '=', 1)]")
        python = self.definition(key="python", domain="[('id', '=', env.uid)]")
        bad_field = self.definition(
            key="bad_field", aggregate="sum", value_field="name"
        )
        no_model = engine.MetricDefinition("no_model", "x.not.installed")
        # wrong value type: passes the checks, fails in SQL
        sql = self.definition(key="sql", domain="[('partner_latitude', '=', 'abc')]")
        definitions = [good, bad_domain, python, bad_field, no_model, sql]
        res = self.evaluate(
            definitions,
            [self.request(d.key, metric=d.key) for d in definitions]
            + [self.request("no_team", "team", None, metric="good")],
        )
        self.assertEqual(res["good"], 4.0)
        self.assertEqual(res["bad_domain"].code, engine.ERR_DOMAIN)
        self.assertEqual(res["python"].code, engine.ERR_DOMAIN)
        self.assertEqual(res["bad_field"].code, engine.ERR_FIELD)
        self.assertEqual(res["no_model"].code, engine.ERR_MODEL)
        self.assertIsInstance(res["sql"], engine.MetricError)
        self.assertEqual(res["no_team"].code, engine.ERR_SCOPE)

    # -- the okr.metric model ----------------------------------------------------
    def test_metric_validated_at_save(self):
        Metric = self.env["okr.metric"]
        partner_model = self.env["ir.model"]._get("res.partner")

        def field(model, name):
            return self.env["ir.model.fields"]._get(model, name).id

        metric = Metric.create(
            {
                "name": "Partners",
                "model_id": partner_model.id,
                "domain": "[('is_company', '=', False)]",
                "date_field_id": field("res.partner", "create_date"),
                "aggregate": "sum",
                "value_field_id": field("res.partner", "partner_latitude"),
                "user_field_id": field("res.partner", "user_id"),
                "team_field_id": field("res.partner", "parent_id"),
            }
        )
        self.assertEqual(metric.team_model_id, partner_model)
        with self.assertRaises(ValidationError):
            metric.domain = "[('no_such_field', '=', 1)]"
        with self.assertRaises(ValidationError):
            metric.domain = "[('id', '=', __import__('os').getpid())]"
        with self.assertRaises(ValidationError):  # not a number
            metric.value_field_id = field("res.partner", "name")
        with self.assertRaises(ValidationError):  # not a user field
            metric.user_field_id = field("res.partner", "parent_id")
        with self.assertRaises(ValidationError):  # another model's field
            metric.date_field_id = field("res.users", "login_date")
        with self.assertRaises(ValidationError):  # sum needs a value field
            metric.value_field_id = False
