from . import okr_period_generate
from . import okr_objective_checklist
from . import okr_key_result_change
from . import okr_check_in_weekly
from . import okr_check_in_weekly_line
from . import okr_wizard_number_guard
from . import okr_wizard_access
