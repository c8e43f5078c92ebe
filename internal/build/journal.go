package build

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/loa-ssg/loa/internal/diag"
)

// A warm build (commit) changes the output folder in place, file by file.
// So that a build stopped in the middle (killed, a second Ctrl-C, a power
// cut, a failed rename) leaves nothing but the previous output, it keeps a
// rollback journal while it does: in journalDir, beside the cache, the new
// files are written first ("N.new"); then each file about to be replaced
// or deleted is kept there under a second name (a hard link, "N.old");
// then the list of changes (journalFile) is written and synced; only then
// are the new files renamed into place and the old ones deleted, and the
// list is removed last. A list found there when a build starts is a
// commit that did not end: rollBack puts the kept files back, removes the
// added ones and the folders made for them, and removes the journal.

// journalFile is the list of changes in journalDir; its presence means
// that the output may hold some of them (see rollBack).
const journalFile = "journal"

// journalMagic is the first line of journalFile; journalEnd its last, so
// that a list cut short is seen.
const (
	journalMagic = "loa-journal 1"
	journalEnd   = "end"
)

// journalDir returns the folder in CacheDir beside out that holds the
// rollback journal of a warm build into out:
// ".loa-cache/public.journal" for --out public.
func journalDir(out string) string {
	return filepath.Join(filepath.Dir(out), CacheDir, filepath.Base(out)+".journal")
}

// journalOp is what a commit does to one file of the output.
type journalOp byte

const (
	opAdd     journalOp = 'A' // a file the output did not have
	opReplace journalOp = 'R' // a file whose bytes change
	opDelete  journalOp = 'D' // a file the build no longer makes
)

// journalEntry is one file a commit changes: rel is its slash path below
// the output folder.
type journalEntry struct {
	op  journalOp
	rel string
}

// journal is the rollback journal of one commit into out (see the top of
// this file).
type journal struct {
	out, dir string
	entries  []journalEntry
	made     []string // folders made for added files, slash paths, parents first
}

// commitStep, when not nil (tests), is called at every step boundary of
// a commit (step names it); an error it returns is taken as a failure of
// that step, and a panic in it stops the commit there as a kill would.
var commitStep func(step string) error

func (j *journal) step(name string) error {
	if commitStep == nil {
		return nil
	}
	return commitStep(name)
}

func (j *journal) full(rel string) string { return filepath.Join(j.out, filepath.FromSlash(rel)) }
func (j *journal) newPath(i int) string   { return filepath.Join(j.dir, strconv.Itoa(i)+".new") }
func (j *journal) oldPath(i int) string   { return filepath.Join(j.dir, strconv.Itoa(i)+".old") }

// prepare writes the bytes of every added or replaced file (data[i] those
// of entries[i]; the deleted files come after them) into the journal's
// folder, which it makes anew. The output is not touched.
func (j *journal) prepare(data [][]byte) error {
	if err := os.RemoveAll(j.dir); err != nil {
		return err
	}
	if err := os.MkdirAll(j.dir, 0o755); err != nil {
		return err
	}
	for i, e := range j.entries {
		if e.op == opDelete {
			continue
		}
		if err := writeNew(j.newPath(i), data[i]); err != nil {
			return err
		}
	}
	return j.step("written")
}

// keep gives every file to be replaced or deleted a second name in the
// journal's folder (a hard link; a copy with its time where links are
// refused), finds the folders the added files need, and writes the list
// and syncs it. The output is not touched.
func (j *journal) keep() error {
	for i, e := range j.entries {
		if e.op == opAdd {
			continue
		}
		if err := keepFile(j.full(e.rel), j.oldPath(i)); err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	for _, e := range j.entries {
		if e.op != opAdd {
			continue
		}
		for d := path.Dir(e.rel); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			if _, err := os.Lstat(j.full(d)); err == nil {
				break
			}
			j.made = append(j.made, d)
		}
	}
	slices.Sort(j.made) // a folder before the folders in it
	if err := j.step("kept"); err != nil {
		return err
	}
	return j.write()
}

// keepFile makes kept a second name of the file name: a hard link, or a
// copy with the same bytes, permissions and modification time.
func keepFile(name, kept string) error {
	err := os.Link(name, kept)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return err
	}
	info, serr := os.Lstat(name)
	if serr != nil {
		return err
	}
	data, rerr := os.ReadFile(name)
	if rerr != nil {
		return err
	}
	if err := os.WriteFile(kept, data, info.Mode().Perm()); err != nil {
		return err
	}
	return os.Chtimes(kept, info.ModTime(), info.ModTime())
}

// write writes the list of changes as journalFile, through a temporary
// file, and syncs it and the folder, so that it is on the disk before
// the first file of the output changes.
func (j *journal) write() error {
	var buf bytes.Buffer
	buf.WriteString(journalMagic + "\n")
	for _, d := range j.made {
		fmt.Fprintf(&buf, "M %s\n", strconv.Quote(d))
	}
	for _, e := range j.entries {
		fmt.Fprintf(&buf, "%c %s\n", e.op, strconv.Quote(e.rel))
	}
	buf.WriteString(journalEnd + "\n")
	name := filepath.Join(j.dir, journalFile)
	f, err := os.Create(name + ".tmp")
	if err != nil {
		return err
	}
	_, err = f.Write(buf.Bytes())
	if err == nil {
		err = f.Sync()
	}
	if err := placeTemp(f, err, name); err != nil {
		return err
	}
	if err := syncDir(j.dir); err != nil {
		return err
	}
	return j.step("journal")
}

// syncDir flushes the entries of the folder dir to the disk (where the
// system allows a folder to be synced).
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil && (errors.Is(err, errors.ErrUnsupported) || errors.Is(err, fs.ErrInvalid) || errors.Is(err, fs.ErrPermission)) {
		return nil // (Windows cannot sync a folder)
	}
	return err
}

// apply changes the output: the folders made, the new files renamed into
// place, the files gone deleted with the folders they leave empty.
func (j *journal) apply() error {
	for _, d := range j.made {
		if err := os.Mkdir(j.full(d), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	for i, e := range j.entries {
		full := j.full(e.rel)
		if e.op == opDelete {
			if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			// Folders left empty go too (os.Remove fails on the others).
			for d := filepath.Dir(full); d != j.out && strings.HasPrefix(d, j.out+string(filepath.Separator)); d = filepath.Dir(d) {
				if os.Remove(d) != nil {
					break
				}
			}
		} else if err := os.Rename(j.newPath(i), full); err != nil {
			return err
		}
		if err := j.step("file"); err != nil {
			return err
		}
	}
	return nil
}

// end removes the journal once the commit is whole: the list first (an
// error there is the commit's: it is rolled back), then the folder with
// the old files (past the list, the new output stands: what is left of
// the folder, the next build removes).
func (j *journal) end() error {
	if err := os.Remove(filepath.Join(j.dir, journalFile)); err != nil {
		return err
	}
	_ = j.step("ended")
	_ = os.RemoveAll(j.dir)
	return nil
}

// rollback puts the output back as it was before the commit the journal
// describes, however far it got: a kept file renamed back over its place
// (or into it, its folder made again), an added file removed, the
// folders made for them removed when empty; then the journal is removed.
// Each step may be done twice, so that a rollback stopped in its turn can
// be done again.
func (j *journal) rollback() error {
	var errs []error
	for i, e := range j.entries {
		full := j.full(e.rel)
		switch e.op {
		case opAdd:
			if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		default:
			old := j.oldPath(i)
			if _, err := os.Lstat(old); err != nil {
				continue // never kept (the commit stopped before), or put back already
			}
			if e.op == opDelete {
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					errs = append(errs, err)
					continue
				}
			}
			if err := os.Rename(old, full); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for _, d := range slices.Backward(j.made) {
		_ = os.Remove(j.full(d)) // (fails when not empty, or not there)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return j.discard()
}

// discard removes the journal's folder: the list first, so that what is
// left of the folder is never taken for a commit to roll back.
func (j *journal) discard() error {
	if err := os.Remove(filepath.Join(j.dir, journalFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.RemoveAll(j.dir)
}

// readJournal reads the list of changes of the journal of out;
// fs.ErrNotExist when there is none.
func readJournal(out string) (*journal, error) {
	j := &journal{out: out, dir: journalDir(out)}
	f, err := os.Open(filepath.Join(j.dir, journalFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	badLine := func(line string) (*journal, error) {
		return nil, fmt.Errorf("%s: a line that is not a change: %q", f.Name(), line)
	}
	if line, err := r.ReadString('\n'); err != nil || line != journalMagic+"\n" {
		return nil, fmt.Errorf("%s: not a journal of this loa", f.Name())
	}
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			return nil, fmt.Errorf("%s: the journal is cut short", f.Name())
		} else if err != nil {
			return nil, err
		}
		line = strings.TrimSuffix(line, "\n")
		if line == journalEnd {
			return j, nil
		}
		op, quoted, ok := strings.Cut(line, " ")
		rel, err := strconv.Unquote(quoted)
		if !ok || len(op) != 1 || err != nil || !validRel(rel) {
			return badLine(line)
		}
		switch journalOp(op[0]) {
		case 'M':
			j.made = append(j.made, rel)
		case opAdd, opReplace, opDelete:
			j.entries = append(j.entries, journalEntry{journalOp(op[0]), rel})
		default:
			return badLine(line)
		}
	}
}

// validRel reports whether rel names a place inside the output folder
// (clean, relative, no "..": a journal never leads outside it).
func validRel(rel string) bool {
	return rel != "" && fs.ValidPath(rel) && rel != "." && !strings.Contains(rel, "\\")
}

// rollBack, at the start of a build into b.out, finds a journal that a
// warm build stopped while it put its files in place left behind, and
// puts the output back as it was before that build, with a warning. A
// journal whose list was not written yet (the output not touched) is
// removed silently; one a running build holds (the cache folder locked)
// is left alone. It returns an error only when a journal it cannot roll
// back cannot be removed either: a later build would else put old files
// back over a newer output.
func (b *builder) rollBack() error {
	dir := journalDir(b.out)
	if _, err := os.Lstat(dir); err != nil {
		return nil // no journal: the usual case, one system call
	}
	unlock, err := LockDir(filepath.Dir(dir))
	if err != nil {
		return nil // a warm build into this output is running
	}
	defer unlock()
	j, err := readJournal(b.out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.RemoveAll(dir) // stopped before its list: nothing changed
	case err == nil:
		if err = j.rollback(); err == nil {
			b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: b.out},
				"an earlier build was stopped while it put its changed files in place; the output is put back as it was before that build").
				WithHint("nothing to do: this build goes on from there"))
			return nil
		}
	}
	b.res.Diagnostics.Add(diag.Warningf(diag.Position{File: dir},
		"an earlier build was stopped while it put changed files in place, and the output could not be put back as it was: %v", err).
		WithHint("nothing to do: this build makes the whole site again"))
	if rerr := os.RemoveAll(dir); rerr != nil {
		return fmt.Errorf("remove the journal of a stopped build: %w", rerr)
	}
	return nil
}
