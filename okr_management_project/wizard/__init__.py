from . import okr_initiative_task_wizard
