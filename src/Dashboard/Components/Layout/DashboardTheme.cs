using MudBlazor;

namespace AgentOps.Dashboard.Components.Layout;

/// <summary>The dashboard's light and dark palettes; fonts come from the system (no external font service).</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
            Error = "#c62828",
            Warning = "#b26a00",
            Info = "#1565c0",
            Success = "#2e7d32",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#4db6ac",
            AppbarBackground = "#1a1f3a",
            Background = "#121420",
            Surface = "#1c1f2e",
            DrawerBackground = "#171a28",
            Error = "#ef5350",
            Warning = "#ffb300",
            Info = "#64b5f6",
            Success = "#66bb6a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Liberation Sans", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
