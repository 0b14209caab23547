import {registry} from "@web/core/registry";

/**
 * Plan from the board on a phone: quick-create an objective in the current quarter,
 * give it two key results, check in on one, and see its bar move on the card.
 * Runs at a 375 px wide, touch viewport (see tests/test_ui_tour.py).
 */
registry.category("web_tour.tours").add("okr_board_tour", {
    steps: () => [
        {
            content: "The board opens grouped by team, the company's column first",
            trigger:
                ".o_okr_board .o_kanban_group:first-child .o_column_title:contains('Company')",
        },
        {
            content: "Create an objective",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_kanban_quick_create .o_field_widget[name=name] input",
            run: "edit Delight our customers",
        },
        {
            content: "It is aspirational",
            trigger:
                ".o_kanban_quick_create .o_field_widget[name=okr_type] input[data-value=aspirational]",
            run: "click",
        },
        {
            content: "Open it to add its key results",
            trigger: ".o_kanban_quick_create .o_kanban_edit",
            run: "click",
        },
        {
            content: "The form opened on the new objective",
            trigger:
                ".o_form_view .o_field_widget[name=name] input:value(Delight our customers)",
        },
        // First key result
        {
            content: "Add a key result",
            trigger:
                ".o_field_widget[name=key_result_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name the first key result",
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:nth-child(1).o_selected_row .o_field_widget[name=name] input",
            run: "edit NPS from 7.5 to 8.8",
        },
        {
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:nth-child(1).o_selected_row .o_field_widget[name=start_value] input",
            run: "edit 7.5",
        },
        {
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:nth-child(1).o_selected_row .o_field_widget[name=target_value] input",
            run: "edit 8.8",
        },
        {
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:nth-child(1).o_selected_row .o_field_widget[name=current_value] input",
            run: "edit 7.5",
        },
        // Second key result
        {
            content: "Add a second key result",
            trigger:
                ".o_field_widget[name=key_result_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name the second key result",
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:nth-child(2).o_selected_row .o_field_widget[name=name] input",
            run: "edit Resolution time from 8 h to 4 h",
        },
        {
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:nth-child(2).o_selected_row .o_field_widget[name=start_value] input",
            run: "edit 8",
        },
        {
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:nth-child(2).o_selected_row .o_field_widget[name=target_value] input",
            run: "edit 4",
        },
        {
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:nth-child(2).o_selected_row .o_field_widget[name=current_value] input",
            run: "edit 8",
        },
        {
            content: "The second key result kept its name",
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:nth-child(2) .o_field_widget[name=name] input:value(Resolution time from 8 h to 4 h)",
        },
        {
            content: "Save the objective",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Both key results are saved",
            trigger:
                ".o_form_saved .o_field_widget[name=key_result_ids] .o_data_row:contains('Resolution time') button[name=action_check_in]",
        },
        // Check in on the second key result, in the small form
        {
            content: "Check in on the resolution time",
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:contains('Resolution time') button[name=action_check_in]",
            run: "click",
        },
        {
            content: "The new value: 6 h, half way",
            trigger: ".modal .o_okr_check_in_form .o_field_widget[name=value] input",
            run: "edit 6",
        },
        {
            trigger:
                ".modal .o_okr_check_in_form .o_field_widget[name=confidence] input",
            run: "edit 7",
        },
        {
            content: "What moved?",
            trigger:
                ".modal .o_okr_check_in_form .o_field_widget[name=progress_note] textarea",
            run: "edit Triage by level two",
        },
        {
            content: "What is blocked?",
            trigger:
                ".modal .o_okr_check_in_form .o_field_widget[name=blocker_note] textarea",
            run: "edit Nothing",
        },
        {
            content: "Save the check-in",
            trigger: ".modal .o_okr_check_in_save",
            run: "click",
        },
        {
            content: "The key result moved to 50 %",
            trigger:
                ".o_field_widget[name=key_result_ids] .o_data_row:contains('Resolution time') .o_field_widget[name=progress]:contains('50')",
        },
        {
            content: "Back to the board",
            trigger:
                ".o_breadcrumb .o_back_button, .o_breadcrumb a:contains('OKR Board')",
            run: "click",
        },
        {
            content: "The card shows both key results with their bars",
            trigger:
                ".o_okr_board .o_kanban_record:contains('Delight our customers') .o_okr_kr_bar:contains('NPS from 7.5 to 8.8')",
        },
        {
            trigger:
                ".o_okr_board .o_kanban_record:contains('Delight our customers') .o_okr_kr_bar:contains('Resolution time') .o_okr_kr_pct:contains('50%')",
        },
    ],
});
