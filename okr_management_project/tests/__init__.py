from . import test_initiative_progress
from . import test_propagation_queries
from . import test_okr_access
from . import test_project_links
from . import test_metric_presets
from . import test_ui_tour
from . import test_initiative_auto_done
from . import test_strategy_flow_work
