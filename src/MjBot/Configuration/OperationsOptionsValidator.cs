using System.Net;
using Microsoft.Extensions.Options;

namespace MjBot.Configuration;

/// <summary>Checks the Operations section.</summary>
internal sealed class OperationsOptionsValidator : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.HttpAddress, out _))
        {
            failures.Add($"Operations:HttpAddress is \"{options.HttpAddress}\": use an IP address such as 127.0.0.1 or 0.0.0.0.");
        }

        if (options.HttpPort is < 0 or > 65535)
        {
            failures.Add($"Operations:HttpPort is {options.HttpPort}: use 1 to 65535, or 0 for any free port.");
        }

        if (options.ShutdownGraceSeconds is < 0 or > 3600)
        {
            failures.Add($"Operations:ShutdownGraceSeconds is {options.ShutdownGraceSeconds}: use 0 to 3600.");
        }

        if (options.RetentionDays is < 0 or > 36500)
        {
            failures.Add($"Operations:RetentionDays is {options.RetentionDays}: use 0 (keep everything) to 36500.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
