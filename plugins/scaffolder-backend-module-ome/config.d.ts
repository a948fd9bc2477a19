export interface Config {
  scaffolder?: {
    /** The OME template actions (`@ome-console/plugin-scaffolder-backend-module-ome`). */
    ome?: {
      /** URL of the OME pages, for the actions' `url` output; default `${app.baseUrl}/ome`. */
      consoleUrl?: string;
    };
  };
}
