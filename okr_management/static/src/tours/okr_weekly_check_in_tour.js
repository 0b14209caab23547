import {registry} from "@web/core/registry";

/**
 * The weekly check-in on a phone: open it from the board, move the NPS, give a
 * confidence and a blocker, confirm the resolution time as unchanged, save, and
 * see the week's completion on the card. Runs at a 375 px wide, touch viewport
 * (see tests/test_ritual_tour.py).
 */
registry.category("web_tour.tours").add("okr_weekly_check_in_tour", {
    steps: () => [
        {
            content: "The board shows nothing checked in this week",
            trigger:
                ".o_okr_board .o_kanban_record:contains('Delight our customers') .o_okr_week_check_in:contains('0/2')",
        },
        {
            content: "On a phone the board's buttons are under More",
            trigger: ".o_control_panel button.o-control-panel-adaptive-dropdown",
            run: "click",
        },
        {
            content: "Open the weekly check-in",
            trigger: ".o_okr_weekly_check_in_button",
            run: "click",
        },
        {
            content: "All my key results are listed",
            trigger:
                ".modal .o_okr_weekly_check_in .o_okr_weekly_line_card:contains('Resolution time')",
        },
        {
            content: "Open the NPS",
            trigger:
                ".modal .o_okr_weekly_check_in .o_okr_weekly_line_card:contains('NPS')",
            run: "click",
        },
        {
            content: "Its value is already filled in: move it",
            trigger: ".modal .o_field_widget[name=value] input:value(7.9)",
            run: "edit 8.1",
        },
        {
            trigger: ".modal .o_field_widget[name=confidence] input",
            run: "edit 7",
        },
        {
            content: "What is blocked?",
            trigger: ".modal .o_field_widget[name=blocker_note] textarea",
            run: "edit Waiting for the survey tool",
        },
        {
            content: "Back to the list",
            trigger: ".modal:not(.o_inactive_modal) .o_form_button_save",
            run: "click",
        },
        {
            content: "The NPS is checked",
            trigger:
                ".modal .o_okr_weekly_line_card:contains('NPS') .o_okr_weekly_line_done",
        },
        {
            content: "Open the resolution time",
            trigger: ".modal .o_okr_weekly_line_card:contains('Resolution time')",
            run: "click",
        },
        {
            content: "It did not move: confirm it",
            trigger:
                ".modal:not(.o_inactive_modal) .o_field_widget[name=is_touched] input",
            run: "click",
        },
        {
            trigger: ".modal:not(.o_inactive_modal) .o_form_button_save",
            run: "click",
        },
        {
            trigger:
                ".modal .o_okr_weekly_line_card:contains('Resolution time') .o_okr_weekly_line_done",
        },
        {
            content: "Save the check-in",
            trigger: ".modal .o_okr_weekly_save",
            run: "click",
        },
        {
            content: "The card counts both key results checked in this week",
            trigger:
                ".o_okr_board .o_kanban_record:contains('Delight our customers') .o_okr_week_check_in:contains('2/2')",
        },
    ],
});
