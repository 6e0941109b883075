/** Where Electron's binary is, when it is installed. */
export declare const electronPackage: string;
export declare function electronBinary(): string | undefined;
