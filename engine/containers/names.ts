/**
 * Container names the engines make up when `--name` is not given: `adjective_surname`, e.g. `goofy_wilbur`,
 * `distracted_darwin` (both seen on a real podman 4.3.1 host, see the test fixtures' transcripts).
 *
 * docker and podman both draw one adjective and one surname of a notable scientist or engineer at random and retry
 * while the name is taken. The word lists below are our own; the shape is theirs. Randomness comes from the
 * host's rng.
 */
import type { RngState } from "../kernel/rng.js";
import { randInt } from "../kernel/rng.js";

const ADJECTIVES = [
  "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful", "blissful",
  "bold", "brave", "busy", "charming", "clever", "compassionate", "competent", "confident", "cool", "cranky",
  "crazy", "dazzling", "determined", "distracted", "dreamy", "eager", "ecstatic", "elastic", "elated", "elegant",
  "epic", "exciting", "fervent", "festive", "flamboyant", "focused", "friendly", "frosty", "funny", "gallant",
  "gifted", "goofy", "gracious", "great", "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible",
  "inspiring", "intelligent", "interesting", "jolly", "jovial", "keen", "kind", "laughing", "loving", "lucid",
  "magical", "modest", "musing", "mystifying", "naughty", "nervous", "nice", "nifty", "nostalgic", "objective",
  "optimistic", "peaceful", "pedantic", "pensive", "practical", "priceless", "quirky", "quizzical", "recursing",
  "relaxed", "reverent", "romantic", "sad", "serene", "sharp", "silly", "sleepy", "stoic", "strange", "suspicious",
  "sweet", "tender", "thirsty", "trusting", "unruffled", "upbeat", "vibrant", "vigilant", "vigorous", "wizardly",
  "wonderful", "xenodochial", "youthful", "zealous", "zen",
];

const SURNAMES = [
  "agnesi", "albattani", "allen", "almeida", "archimedes", "ardinghelli", "aryabhata", "babbage", "banach",
  "banzai", "bardeen", "bartik", "bell", "bhabha", "blackwell", "bohr", "booth", "borg", "bose", "boyd", "brahmagupta",
  "brattain", "brown", "burnell", "cannon", "carson", "cartwright", "cerf", "chandrasekhar", "chatelet", "clarke",
  "cohen", "colden", "cori", "cray", "curie", "darwin", "davinci", "dewdney", "dijkstra", "dirac", "driscoll",
  "dubinsky", "easley", "edison", "einstein", "elion", "engelbart", "euclid", "euler", "faraday", "fermat", "fermi",
  "feynman", "franklin", "galileo", "gauss", "germain", "goldberg", "goldstine", "goodall", "hamilton", "haslett",
  "hawking", "heisenberg", "hermann", "hertz", "hodgkin", "hofstadter", "hoover", "hopper", "hypatia", "jackson",
  "jang", "jennings", "jepsen", "johnson", "joliot", "kalam", "kapitsa", "kepler", "khorana", "kilby", "knuth",
  "kowalevski", "lalande", "lamarr", "lamport", "leakey", "leavitt", "lederberg", "lehmann", "lewin", "liskov",
  "lovelace", "lumiere", "mahavira", "margulis", "mayer", "mccarthy", "mcclintock", "meitner", "mendel", "merkle",
  "mirzakhani", "montalcini", "moore", "morse", "murdock", "napier", "nash", "neumann", "newton", "nobel", "noether",
  "noyce", "payne", "perlman", "pike", "poincare", "ptolemy", "raman", "ramanujan", "ride", "ritchie", "robinson",
  "roentgen", "rosalind", "rubin", "saha", "sammet", "shannon", "shaw", "shirley", "shockley", "sinoussi", "snyder",
  "spence", "stonebraker", "sutherland", "swanson", "swartz", "taussig", "tesla", "thompson", "torvalds", "turing",
  "varahamihira", "villani", "visvesvaraya", "volhard", "wescoff", "wilbur", "wiles", "williams", "wilson", "wing",
  "wozniak", "wright", "wu", "yalow", "yonath", "zhukovsky",
];

/** A random `adjective_surname` that no container in `taken` has. */
export function randomContainerName(rng: RngState, taken: (name: string) => boolean): string {
  for (;;) {
    const name = `${ADJECTIVES[randInt(rng, ADJECTIVES.length)]}_${SURNAMES[randInt(rng, SURNAMES.length)]}`;
    if (!taken(name)) return name;
  }
}
