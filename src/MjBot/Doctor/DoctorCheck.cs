namespace MjBot.Doctor;

/// <summary>One row of <c>mjbot doctor</c>'s table.</summary>
internal sealed record DoctorCheck(string Name, DoctorStatus Status, string Detail, string? Fix = null)
{
    public static DoctorCheck Pass(string name, string detail) => new(name, DoctorStatus.Pass, detail);

    public static DoctorCheck Fail(string name, string detail, string fix) => new(name, DoctorStatus.Fail, detail, fix);

    public static DoctorCheck NotChecked(string name, string why) => new(name, DoctorStatus.NotChecked, why);
}
