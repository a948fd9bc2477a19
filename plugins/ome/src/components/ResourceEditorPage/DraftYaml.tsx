import { Box, Button } from '@material-ui/core';
import { YamlEditor, YamlProblems } from '../common/YamlEditor';
import { KindSchema } from '../../editing/schemaProblems';

/** The draft as YAML, with (for a create) loading it from a file. */
export function DraftYaml(props: {
  text: string;
  onChange: (text: string) => void;
  problems: YamlProblems;
  /** The kind's schema as the cluster serves it, for completion and checks. */
  schema?: KindSchema;
  canLoadFile: boolean;
}) {
  return (
    <>
      {props.canLoadFile && (
        <Box mb={1}>
          <Button component="label" size="small" variant="outlined">
            Load from file
            <input
              type="file"
              accept=".yaml,.yml,.json,text/yaml,application/json"
              hidden
              aria-label="YAML file"
              onChange={async ev => {
                const file = ev.target.files?.[0];
                if (file) props.onChange(await file.text());
              }}
            />
          </Button>
        </Box>
      )}
      <YamlEditor
        value={props.text}
        onChange={props.onChange}
        problems={props.problems}
        schema={props.schema}
      />
    </>
  );
}
