using ModelGrid.Evaluation.Runtime;

namespace ModelGrid.Evaluation.Tests.Runtime;

public sealed class GpuProbeTests
{
    [Fact]
    public void Detect_HostWithoutCuda_ReportsUnavailableWithReason()
    {
        var capability = GpuProbe.Detect();

        Assert.False(capability.Available);
        Assert.Contains("CUDA", capability.Reason, StringComparison.Ordinal);
        Assert.Null(capability.DeviceName);
    }
}
