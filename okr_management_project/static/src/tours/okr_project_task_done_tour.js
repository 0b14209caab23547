/* Copyright 2026 OKR Suite contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";

const TASK = '.o_kanban_record:contains("Ship the pilot order")';

registry.category("web_tour.tours").add("okr_project_task_done_tour", {
    steps: () => [
        {
            content: "The task card tells which objective it serves",
            trigger: `${TASK} .o_okr_task_card:contains("Deliver on the promised date")`,
        },
        {
            content: "Open the state menu of the task",
            trigger: `${TASK} .o_field_project_task_state_selection button`,
            run: "click",
        },
        {
            content: "Mark the task as done",
            trigger:
                '.project_task_state_selection_menu .dropdown-item:contains("Done")',
            run: "click",
        },
        {
            content: "The task is done",
            trigger: `${TASK} .o_field_project_task_state_selection .fa-check-circle`,
        },
        {
            content: "Go to the OKR board",
            trigger: "body",
            run: () => {
                window.location.href = "/odoo/action-okr_management.action_okr_board";
            },
            expectUnloadPage: true,
        },
        {
            content: "The key result moved: one task of two is done",
            trigger:
                '.o_kanban_record:contains("Deliver on the promised date") ' +
                '.o_okr_kr_bar:contains("On-time delivery") .o_okr_kr_pct:contains("50%")',
        },
    ],
});
