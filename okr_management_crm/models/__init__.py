from . import crm_lead
from . import crm_team
from . import okr_initiative
from . import okr_key_result
from . import okr_team
from . import crm_lead_first_response
from . import okr_objective_work
