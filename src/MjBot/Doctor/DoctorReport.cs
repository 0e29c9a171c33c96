using System.Text;

namespace MjBot.Doctor;

/// <summary>Renders doctor checks as an aligned ✓/✗ table with the fix under each ✗.</summary>
internal static class DoctorReport
{
    public static string Render(IReadOnlyList<DoctorCheck> checks)
    {
        var width = checks.Max(static c => c.Name.Length) + 2;
        var text = new StringBuilder().AppendLine("MjBot doctor");
        foreach (var check in checks)
        {
            var mark = check.Status switch
            {
                DoctorStatus.Pass => "✓",
                DoctorStatus.Fail => "✗",
                _ => "–",
            };
            text.Append("  ").Append(mark).Append(' ').Append(check.Name.PadRight(width)).AppendLine(check.Detail);
            if (check.Fix is not null)
            {
                text.Append(' ', 4 + width).Append("fix: ").AppendLine(check.Fix);
            }
        }

        var failed = checks.Count(static c => c.Status == DoctorStatus.Fail);
        return text.AppendLine(failed == 0 ? "No problems found." : $"{failed} problem(s) to fix.").ToString();
    }
}
