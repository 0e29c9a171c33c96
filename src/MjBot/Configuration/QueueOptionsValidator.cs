using Microsoft.Extensions.Options;

namespace MjBot.Configuration;

/// <summary>Checks the Queue section.</summary>
internal sealed class QueueOptionsValidator : IValidateOptions<QueueOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueOptions options)
    {
        var failures = new List<string>();
        Check(failures, "Queue:MaxRunningPerUser", options.MaxRunningPerUser, 1, 50);
        Check(failures, "Queue:MaxWaitingPerUser", options.MaxWaitingPerUser, 0, 1000);
        Check(failures, "Queue:MaxJobsPerCommand", options.MaxJobsPerCommand, 1, 100);
        Check(failures, "Queue:ProgressEditSeconds", options.ProgressEditSeconds, 0, 60);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} is {value}: use a whole number from {min} to {max}.");
        }
    }
}
