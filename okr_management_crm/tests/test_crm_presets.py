# Copyright 2026 OKR Suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import OkrCrmCase


@tagged("post_install", "-at_install")
class TestCrmPresets(OkrCrmCase):
    """Each sales metric per owner, per team and for the company, against leads
    won, lost, open and archived, dated inside and outside the period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ann, bob, north, south = cls.ann, cls.bob, cls.team_north, cls.team_south
        # name: (owner, team, revenue, type, outcome, created, closed, open minutes)
        # days ago; the period started 30 days ago
        table = {
            "a_won1": (ann, north, 1000, "opportunity", "won", 10, 2, 30),
            "a_won2": (ann, north, 3000, "opportunity", "won", 6, 1, 10),
            "a_lost1": (ann, north, 700, "opportunity", "lost", 4, 2, 20),
            # Ann helps team South
            "a_won_south": (ann, south, 4000, "opportunity", "won", 8, 3, 60),
            # created and won before the period
            "a_won_old": (ann, north, 7000, "opportunity", "won", 90, 45, 5),
            "a_open": (ann, north, 500, "opportunity", "open", 5, None, 40),
            # still open, created before the period: in the pipeline
            "a_open_old": (ann, north, 250, "opportunity", "open", 80, None, 15),
            "b_won": (bob, south, 2000, "opportunity", "won", 12, 4, 100),
            "b_lost1": (bob, south, 300, "opportunity", "lost", 9, 5, 50),
            "b_lost2": (bob, south, 600, "opportunity", "lost", 7, 6, 70),
            # a lead lost before becoming an opportunity: not a conversion
            "b_lost_lead": (bob, south, 0, "lead", "lost", 3, 1, 5),
            # archived without being lost (probability kept): neither won nor lost
            "b_archived": (bob, south, 900, "opportunity", "archived", 6, 2, 30),
            "b_open": (bob, south, 800, "opportunity", "open", 2, None, 10),
        }
        cls.leads = {}
        for name, (owner, team, revenue, lead_type, outcome, *_dates) in table.items():
            lead = cls._lead(name, owner, team, revenue, lead_type=lead_type)
            if outcome == "won":
                lead.action_set_won()
            elif outcome == "lost":
                lead.action_set_lost(lost_reason_id=cls.lost_reason.id)
            elif outcome == "archived":
                lead.probability = 40
                lead.action_archive()
            cls.leads[name] = lead
        for name, (*_values, created, closed, open_minutes) in table.items():
            cls._date(cls.leads[name], created, closed, open_minutes)
        cls.env.flush_all()

    def _assert_values(self, metric, expected, places=2):
        """expected: {owner Ann, owner Bob, team North, team South, company}."""
        key_results = {
            "ann": self._key_result(metric, "owner", owner=self.ann),
            "bob": self._key_result(metric, "owner", owner=self.bob),
            "north": self._key_result(metric, "team", team=self.team_north),
            "south": self._key_result(metric, "team", team=self.team_south),
            "company": self._key_result(metric, "company"),
        }
        for scope, key_result in key_results.items():
            self.assertFalse(key_result.metric_error, scope)
            self.assertAlmostEqual(
                key_result.current_value,
                expected[scope],
                places=places,
                msg=f"{metric.name}, {scope}",
            )
        return key_results

    def test_conversion_rate(self):
        """Won / (won + lost) among the opportunities closed in the period: lost
        (archived) ones count, a lost lead, an archived open opportunity and the
        deals closed before the period do not."""
        self._assert_values(
            self.metric_conversion,
            {
                "ann": 75.0,  # a_won1, a_won2, a_won_south / + a_lost1
                "bob": 100 / 3,  # b_won / + b_lost1, b_lost2
                "north": 200 / 3,
                "south": 50.0,  # a_won_south, b_won / 4
                "company": 400 / 7,
            },
        )

    def test_conversion_rate_drilldown_lists_lost_leads(self):
        key_result = self._key_result(self.metric_conversion, "owner", owner=self.ann)
        action = key_result.action_open_metric_records()
        leads = self.env["crm.lead"].search(action["domain"])
        self.assertEqual(
            leads,
            self.leads["a_won1"]
            | self.leads["a_won2"]
            | self.leads["a_won_south"]
            | self.leads["a_lost1"],
        )

    def test_lost_with_reason_only(self):
        """CRM calls lost an archived lead with probability 0; one archived with a
        lost reason counts as lost too, even if its probability was kept."""
        lead = self._lead("c_lost_reason", self.ann, self.team_north, 100)
        lead.probability = 30
        lead.write({"active": False, "lost_reason_id": self.lost_reason.id})
        self.assertEqual(lead.won_status, "pending")
        self._date(lead, 3, 1, 10)
        key_result = self._key_result(self.metric_conversion, "owner", owner=self.ann)
        self.assertAlmostEqual(key_result.current_value, 60.0)  # 3 / 5

    def test_won_revenue(self):
        self._assert_values(
            self.metric_won_revenue,
            {
                "ann": 8000.0,  # not a_won_old, closed before the period
                "bob": 2000.0,
                "north": 4000.0,
                "south": 6000.0,
                "company": 10000.0,
            },
        )

    def test_new_leads(self):
        """Created in the period, whatever became of them (lost ones included)."""
        self._assert_values(
            self.metric_new_leads,
            {"ann": 5.0, "bob": 6.0, "north": 4.0, "south": 7.0, "company": 11.0},
        )

    def test_days_to_close(self):
        """From creation to closing of the opportunities closed (won or lost) in
        the period, in days."""
        self._assert_values(
            self.metric_days_to_close,
            {
                "ann": (8 + 5 + 2 + 5) / 4,
                "bob": (8 + 4 + 1) / 3,
                "north": (8 + 5 + 2) / 3,
                "south": (5 + 8 + 4 + 1) / 4,
                "company": 33 / 7,
            },
        )

    def test_time_to_assign(self):
        """From creation to assignment, in minutes, for the leads created in the
        period (archived and lost ones included)."""
        self._assert_values(
            self.env.ref("okr_management_crm.okr_metric_crm_time_to_assign"),
            {
                "ann": (30 + 10 + 20 + 60 + 40) / 5,
                "bob": (100 + 50 + 70 + 5 + 30 + 10) / 6,
                "north": (30 + 10 + 20 + 40) / 4,
                "south": (60 + 100 + 50 + 70 + 5 + 30 + 10) / 7,
                "company": 425 / 11,
            },
        )

    def test_pipeline_value(self):
        """The open opportunities now, whatever their creation date; not the
        archived one, not the won or lost."""
        self._assert_values(
            self.metric_pipeline,
            {
                "ann": 750.0,
                "bob": 800.0,
                "north": 750.0,
                "south": 800.0,
                "company": 1550.0,
            },
        )

    def test_presets_are_shared_and_scoped(self):
        presets = (
            self.metric_conversion
            | self.metric_won_revenue
            | self.metric_new_leads
            | self.metric_days_to_close
            | self.metric_first_response
            | self.env.ref("okr_management_crm.okr_metric_crm_time_to_assign")
            | self.metric_pipeline
        )
        for metric in presets:
            self.assertFalse(metric.company_id, metric.name)
            self.assertEqual(metric.user_field_id.name, "user_id", metric.name)
            self.assertEqual(metric.team_field_id.name, "team_id", metric.name)
