from . import okr_monthly_review
