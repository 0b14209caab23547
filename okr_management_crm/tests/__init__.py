from . import test_crm_presets
from . import test_crm_refresh
from . import test_crm_access
from . import test_crm_links
from . import test_crm_okr_team
from . import test_crm_first_response
from . import test_crm_strategy_flow
