def uninstall_hook(env):
    """The task metrics that key results still use stay when the addon goes."""
    env["okr.metric"]._keep_used_presets("okr_management_project")
