def uninstall_hook(env):
    """The sales metrics that key results still use stay when the addon goes."""
    env["okr.metric"]._keep_used_presets("okr_management_crm")
