using Extractor.IO.Models;
using Extractor.Models;

namespace Extractor.Tests.IO;

public class ModelFilesTests
{
    [Fact]
    public void Load_Shipped_IsTheModelBesideTheAssembly()
    {
        Assert.True(File.Exists(ModelFiles.ShippedPath), ModelFiles.ShippedPath);
        Assert.Equal(ShippedModel.Model.Info.Version, ModelFiles.Load(null).Info.Version);
    }

    [Fact]
    public void Load_MissingFile_OneLineNamingIt()
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelFiles.Load("/nonexistent/x.model"));

        Assert.Equal("/nonexistent/x.model: no such model file", e.Message);
    }

    [Fact]
    public void Load_Device_RefusedWithoutReadingIt()
    {
        var e = Assert.Throws<ModelFormatException>(() => ModelFiles.Load("/dev/zero"));

        Assert.Equal("/dev/zero: not a model file (a device, not a regular file)", e.Message);
    }

    [Fact]
    public void Load_NotAModel_Refused()
    {
        using var folder = new TempFolder();
        string file = folder.Write("notes.model", "these are not weights");

        Assert.Throws<ModelFormatException>(() => ModelFiles.Load(file));
    }
}
