import {registry} from "@web/core/registry";

const SALES =
    ".o_okr_board .o_kanban_group:has(.o_column_title:contains('Tour Sales'))";

/**
 * The board grouped by team: the company's column first, each team's head with
 * its weekly check-in completion and progress against pace; the leader opens
 * the team's weekly check-in status from the column head. Runs at 375 px and at
 * 1280 px (see tests/test_team_tour.py).
 */
registry.category("web_tour.tours").add("okr_team_board_tour", {
    steps: () => [
        {
            content: "The board opens grouped by team, the company's objectives first",
            trigger:
                ".o_okr_board .o_kanban_group:first-child .o_column_title:contains('Company')",
        },
        {
            content: "The company objective is in the company's column",
            trigger:
                ".o_okr_board .o_kanban_group:first-child .o_kanban_record:contains('Tour company goal')",
        },
        {
            content: "Each team has its column, empty ones too",
            trigger: ".o_okr_board .o_kanban_group .o_column_title:contains('Tour IT')",
        },
        {
            content:
                "The sales column head: one key result of two checked in this week",
            trigger: `${SALES} .o_okr_team_head .o_okr_team_week:contains('1/2')`,
        },
        {
            content: "and the team's progress against its pace",
            trigger: `${SALES} .o_okr_team_head .o_okr_team_pace:contains('%')`,
        },
        {
            content: "The sales objective sits in its team's column",
            trigger: `${SALES} .o_kanban_record:contains('Tour sell more')`,
        },
        {
            content: "Open the team's weekly check-in status from its head",
            trigger: `${SALES} .o_okr_team_week_status`,
            run: "click",
        },
        {
            content: "The key result not checked in this week is listed",
            trigger: ".o_list_view .o_data_row:contains('Tour late key result')",
        },
    ],
});

registry.category("web_tour.tours").add("okr_team_nudge_tour", {
    steps: () => [
        {
            content: "Open the sales team's weekly check-in status",
            trigger: `${SALES} .o_okr_team_week_status`,
            run: "click",
        },
        {
            content: "The key result not checked in this week is listed",
            trigger: ".o_list_view .o_data_row:contains('Tour late key result')",
        },
        {
            content: "Nudge who has not checked in",
            trigger: "button[name=action_nudge_team_members]",
            run: "click",
        },
        {
            content: "The member was nudged",
            trigger: ".o_notification:contains('Tour Member')",
        },
    ],
});
